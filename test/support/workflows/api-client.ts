import { randomBytes } from "node:crypto";
import type { DbOrTx } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { hashToken } from "@/server/auth/actor";
import type { Role } from "@/db/vocabulary/roles";

/** A staff user with a Bearer API token (route handlers authenticate it like a session). */
export async function makeStaff(db: DbOrTx, role: Role) {
  const [user] = await db
    .insert(users)
    .values({ email: `${role}-${randomBytes(4).toString("hex")}@replen.test`, role })
    .returning();
  const token = randomBytes(24).toString("hex");
  await db.insert(apiTokens).values({ userId: user!.id, name: "test", tokenHash: hashToken(token) });
  return { token, userId: user!.id };
}

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

/** Calls an App Router handler in-process with a Bearer token and JSON body. */
export async function callRoute<P = Record<string, string>>(
  handler: Handler<P>,
  opts: { token: string; method?: string; body?: unknown; params?: P; path?: string },
): Promise<{ status: number; body: Record<string, unknown> }> {
  const req = new Request(`http://localhost${opts.path ?? "/api/v1/admin"}`, {
    method: opts.method ?? "GET",
    headers: { Authorization: `Bearer ${opts.token}`, "Content-Type": "application/json" },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const res = await handler(req, { params: Promise.resolve((opts.params ?? {}) as P) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
