import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { customers, users } from "@/db/schema";
import type { Role } from "@/db/vocabulary/roles";

/** What a session may act as, read from the database — never from the cookie. */
export type SessionUser = { userId: string; role: Role; customerId: string | null; email: string; sessionVersion: number };

/**
 * Briefly cached per process, so a page with several API calls costs one lookup; a sign-out
 * here drops the entry at once, on other app servers within CACHE_MS.
 */
const CACHE_MS = 5_000;
const cache = new Map<string, { at: number; user: SessionUser | null }>();

/** The user a session or token names, if it exists and is not disabled. */
export async function sessionUser(userId: string, now = Date.now()): Promise<SessionUser | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(userId)) return null;
  const hit = cache.get(userId);
  if (hit && now - hit.at < CACHE_MS) return hit.user;
  const [row] = await getDb()
    .select({
      userId: users.id,
      role: users.role,
      email: users.email,
      sessionVersion: users.sessionVersion,
      disabledAt: users.disabledAt,
      customerId: customers.id,
    })
    .from(users)
    .leftJoin(customers, eq(customers.userId, users.id))
    .where(eq(users.id, userId));
  const user =
    row && !row.disabledAt
      ? { userId: row.userId, role: row.role, customerId: row.customerId, email: row.email, sessionVersion: row.sessionVersion }
      : null;
  if (cache.size > 10_000) cache.clear();
  cache.set(userId, { at: now, user });
  return user;
}

/** Revokes every session of the user (sign-out everywhere): their tokens carry the old version. */
export async function revokeSessions(userId: string): Promise<void> {
  cache.delete(userId);
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return;
  await getDb()
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}
