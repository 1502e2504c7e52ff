import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { hashToken } from "@/server/auth/actor";
import type { Role } from "@/db/vocabulary/roles";
import { makeCustomer } from "@/test/support/subscriptions/factories";

/**
 * Shared by the security suite: call a route handler exactly as Next does (a Request and a
 * params promise) with a real Bearer token, and count rows to prove a refusal wrote nothing.
 * Bearer tokens, not cookies: the cookie CSRF checks are another suite's subject.
 */
export type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;
export type Reply = {
  status: number;
  json: { error?: { code: string; message: string; fields?: Record<string, string> } } & Record<string, unknown>;
};

export async function call<P>(
  handler: Handler<P>,
  token: string | null,
  opts: {
    method?: string;
    path?: string;
    params?: P;
    body?: unknown;
    rawBody?: string;
  } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const method = opts.method ?? (body === undefined ? "GET" : "POST");
  const req = new Request(`http://localhost${opts.path ?? "/api/v1/"}`, { method, headers, body });
  const res = await handler(req, { params: Promise.resolve((opts.params ?? {}) as P) });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Reply["json"]) : {} };
}

/** A user of `role` with an API token (and a customer profile for customers). */
export async function tokenFor(db: DbOrTx, role: Role) {
  let userId: string;
  let customerId: string | null = null;
  if (role === "customer") {
    const c = await makeCustomer(db);
    userId = c.user.id;
    customerId = c.customer.id;
  } else {
    const [user] = await db
      .insert(users)
      .values({ email: `${role}-${randomBytes(4).toString("hex")}@replen.test`, role })
      .returning();
    userId = user!.id;
  }
  const token = randomBytes(24).toString("hex");
  await db.insert(apiTokens).values({ userId, name: "security-test", tokenHash: hashToken(token) });
  return { token, userId, customerId };
}

/** Row counts of the given tables, to compare before and after a refused request. */
export async function rowCounts(db: DbOrTx, tables: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const [row] = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(t)}`);
    counts[t] = Number(row!.n);
  }
  return counts;
}

/**
 * Row counts of every table of the app's schema (drizzle's own bookkeeping excluded). rate_limits
 * is left out: every request, refused or not, may count against a limit — that is its job.
 */
export async function allRowCounts(db: DbOrTx): Promise<Record<string, number>> {
  const tables = await db.execute<{ name: string }>(
    sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'rate_limits' ORDER BY 1`,
  );
  return rowCounts(
    db,
    tables.map((t) => t.name),
  );
}
