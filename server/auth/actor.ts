import "server-only";
import { createHash } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { getDb } from "@/db/client";
import { apiTokens, customers, users } from "@/db/schema";
import { AppError } from "../errors/app-error";
import { env } from "../env";
import { clientIp } from "../security/client-ip";
import { consumeOrThrow, countFailure, refuseIfExhausted } from "../security/rate-limiters";
import { authOptions } from "./auth-options";
import { can, type Permission } from "./permissions";
import type { Role } from "@/db/vocabulary/roles";
import { sessionUser } from "./session-user";

/** Who is acting. Customers always carry their customerId; queries filter by it. */
export type Actor = { userId: string; role: Role; customerId: string | null; email: string };

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * The signed-in user (session cookie) or the owner of a `Bearer` API token. A session only
 * names its user: who that is — role, customer — comes from the database, and the session must
 * carry the user's current session version (sign-out revokes) and the user must exist and not
 * be disabled. A cookie minted with a leaked secret for a made-up user or role gets nothing.
 */
export async function getActor(req?: Request): Promise<Actor | null> {
  const bearer = req?.headers.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1];
  if (bearer && req) return actorFromToken(bearer, req);
  // With a request in hand, read the session cookie from it (works outside Next's request
  // scope too, e.g. in route tests); server components have no request and ask next-auth.
  let claims: { sub?: string; sv?: number } | null = null;
  if (req) {
    const token = await getToken({ req: req as Parameters<typeof getToken>[0]["req"], secret: authOptions.secret });
    claims = token ? { sub: token.sub, sv: token.sv } : null;
  } else {
    const session = await getServerSession(authOptions);
    const user = session?.user as { id?: string; sessionVersion?: number } | undefined;
    claims = user ? { sub: user.id, sv: user.sessionVersion } : null;
  }
  if (!claims?.sub) return null;
  const user = await sessionUser(claims.sub);
  if (!user || user.sessionVersion !== (claims.sv ?? 0)) return null;
  return { userId: user.userId, role: user.role, customerId: user.customerId, email: user.email };
}

/**
 * Token use is limited (docs/security.md): unknown tokens per IP (guessing; checked before the
 * lookup, counted when it fails) and every call per account. Both on the pool, outside any
 * transaction: this runs before the route's use-case starts one.
 */
async function actorFromToken(token: string, req: Request): Promise<Actor | null> {
  const ip = clientIp(req.headers, env().TRUSTED_PROXY_HOPS);
  await refuseIfExhausted("token_ip", ip, "Too many requests with an unknown API token. Please wait and try again.");
  const db = getDb();
  const [row] = await db
    .select({ tokenId: apiTokens.id, userId: users.id, role: users.role, email: users.email, customerId: customers.id })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(customers, eq(customers.userId, users.id))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(users.disabledAt)));
  if (!row) {
    await countFailure("token_ip", ip);
    return null;
  }
  await consumeOrThrow("token_account", row.userId, "Too many API requests for this account. Please slow down.");
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId));
  return { userId: row.userId, role: row.role, customerId: row.customerId, email: row.email };
}

/** The one authorization gate: every route handler and page calls it (there are no server actions). */
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
