import "server-only";
import { createHmac, hkdfSync, randomInt, timingSafeEqual } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { Role } from "@/db/vocabulary/roles";
import { env } from "../env";
import { signInCodeEmail } from "../notifications/sign-in-code-message";
import { sendEmail as defaultSend, type SendEmail } from "../notifications/send-email";

/** Wrong guesses a code survives; the next one kills it (1 in 200,000 odds for a guesser). */
export const MAX_CODE_ATTEMPTS = 5;

let cached: { secret: string; key: Buffer } | undefined;
function key(): Buffer {
  const secret = env().NEXTAUTH_SECRET;
  if (cached?.secret !== secret) cached = { secret, key: Buffer.from(hkdfSync("sha256", secret, "replen", "sign-in-codes/v1", 32)) };
  return cached.key;
}

/** Keyed to the user, so a hash from one account's row says nothing about another's code. */
const hashCode = (userId: string, code: string) => createHmac("sha256", key()).update(`${userId}:${code}`).digest("base64url");

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Passwordless sign-in, step 1: email a fresh 6-digit code to the account, if there is an
 * enabled one with that email. The caller answers the same way either way (no enumeration).
 * The code row commits first, then the email goes out (no transaction open while SMTP talks).
 * A new code supersedes the account's older ones.
 */
export async function requestSignInCode(
  db: Database,
  input: { email: string },
  now: Date,
  opts: { send?: SendEmail; ttlMinutes?: number } = {},
): Promise<{ sent: boolean }> {
  const email = input.email.trim().toLowerCase();
  const [user] = await db.execute<{ id: string; name: string | null }>(sql`
    SELECT id, name FROM users WHERE email = ${email} AND disabled_at IS NULL`);
  if (!user) return { sent: false };
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const ttlMinutes = opts.ttlMinutes ?? env().SIGN_IN_CODE_TTL_MINUTES;
  const expiresAt = new Date(now.getTime() + ttlMinutes * 60_000);
  await db.execute(sql`
    WITH superseded AS (
      UPDATE sign_in_codes SET consumed_at = ${now.toISOString()}::timestamptz
      WHERE user_id = ${user.id} AND consumed_at IS NULL
    )
    INSERT INTO sign_in_codes (user_id, code_hash, expires_at, created_at)
    VALUES (${user.id}, ${hashCode(user.id, code)}, ${expiresAt.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)`);
  await (opts.send ?? defaultSend)({ to: email, ...signInCodeEmail({ code, name: user.name, ttlMinutes }) });
  return { sent: true };
}

export interface CodeUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  customerId: string | null;
  sessionVersion: number;
}

/**
 * Step 2: the account's latest live code, checked and spent in one guarded statement: it is
 * consumed only if it matches, is unexpired and has tries left, so two concurrent submissions of
 * the right code sign in once. A wrong code costs the live code one of its tries.
 */
export async function verifySignInCode(db: Database, input: { email: string; code: string }, now: Date): Promise<CodeUser | null> {
  const email = input.email.trim().toLowerCase();
  const code = input.code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(code)) return null;
  const at = now.toISOString();
  const [live] = await db.execute<{ id: string; user_id: string; code_hash: string }>(sql`
    SELECT c.id, c.user_id, c.code_hash FROM sign_in_codes c JOIN users u ON u.id = c.user_id
    WHERE u.email = ${email} AND u.disabled_at IS NULL AND c.consumed_at IS NULL
      AND c.expires_at > ${at}::timestamptz AND c.failed_attempts < ${MAX_CODE_ATTEMPTS}
    ORDER BY c.created_at DESC LIMIT 1`);
  if (!live) return null;
  if (!sameHash(live.code_hash, hashCode(live.user_id, code))) {
    await db.execute(sql`
      UPDATE sign_in_codes SET failed_attempts = failed_attempts + 1,
        consumed_at = CASE WHEN failed_attempts + 1 >= ${MAX_CODE_ATTEMPTS} THEN ${at}::timestamptz END
      WHERE id = ${live.id} AND consumed_at IS NULL`);
    return null;
  }
  const [user] = await db.execute<{
    id: string;
    email: string;
    name: string | null;
    role: Role;
    customer_id: string | null;
    session_version: number;
  }>(sql`
    WITH spent AS (
      UPDATE sign_in_codes SET consumed_at = ${at}::timestamptz
      WHERE id = ${live.id} AND consumed_at IS NULL AND expires_at > ${at}::timestamptz AND failed_attempts < ${MAX_CODE_ATTEMPTS}
      RETURNING user_id
    )
    SELECT u.id, u.email, u.name, u.role, c.id AS customer_id, u.session_version
    FROM spent JOIN users u ON u.id = spent.user_id LEFT JOIN customers c ON c.user_id = u.id`);
  if (!user) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, customerId: user.customer_id, sessionVersion: user.session_version };
}
