import "server-only";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { getDb } from "@/db/client";
import { apiTokens, customers, users } from "@/db/schema";
import { AppError } from "../errors/app-error";
import { authOptions } from "./auth-options";
import { can, type Permission } from "./permissions";
import type { Role } from "./roles";

/** Who is acting. Customers always carry their customerId; queries filter by it. */
export type Actor = { userId: string; role: Role; customerId: string | null; email: string };

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The signed-in user (session cookie) or the owner of a `Bearer` API token. */
export async function getActor(req?: Request): Promise<Actor | null> {
  const bearer = req?.headers.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1];
  if (bearer) return actorFromToken(bearer);
  // With a request in hand, read the session cookie from it (works outside Next's request
  // scope too, e.g. in route tests); server components have no request and ask next-auth.
  if (req) {
    const token = await getToken({ req: req as Parameters<typeof getToken>[0]["req"], secret: authOptions.secret });
    if (!token?.sub || !token.role) return null;
    return { userId: token.sub, role: token.role, customerId: token.customerId ?? null, email: token.email ?? "" };
  }
  const session = await getServerSession(authOptions);
  const user = session?.user as { id?: string; role?: Role; customerId?: string | null; email?: string } | undefined;
  if (!user?.id || !user.role) return null;
  return { userId: user.id, role: user.role, customerId: user.customerId ?? null, email: user.email ?? "" };
}

async function actorFromToken(token: string): Promise<Actor | null> {
  const db = getDb();
  const [row] = await db
    .select({ tokenId: apiTokens.id, userId: users.id, role: users.role, email: users.email, customerId: customers.id })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(customers, eq(customers.userId, users.id))
    .where(eq(apiTokens.tokenHash, hashToken(token)));
  if (!row) return null;
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId));
  return { userId: row.userId, role: row.role, customerId: row.customerId, email: row.email };
}

/** The one authorization gate: every route handler, server action and page calls it. */
export async function requireActor(permission: Permission, req?: Request): Promise<Actor> {
  const actor = await getActor(req);
  return authorize(actor, permission);
}

export function authorize(actor: Actor | null, permission: Permission): Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Please sign in");
  if (!can(actor.role, permission)) throw new AppError("FORBIDDEN", "You do not have access to this");
  if (permission === "subscriptions:own" && !actor.customerId) {
    throw new AppError("FORBIDDEN", "This account has no customer profile");
  }
  return actor;
}

/** For customer-scoped use-cases: the customer id every query must filter by. */
export function customerIdOf(actor: Actor): string {
  if (!actor.customerId) throw new AppError("FORBIDDEN", "This account has no customer profile");
  return actor.customerId;
}
