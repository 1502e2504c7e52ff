import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { AppError } from "../errors/app-error";

export const IDEMPOTENCY_HEADER = "idempotency-key";
/** A claim this old whose request never finished (the server died mid-request) may be retried. */
const STALE_CLAIM_MS = 60_000;
const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * `Idempotency-Key` for every mutating request through withAuth (Stripe's model): the first
 * request with a key claims it for the user and runs; its answer (2xx or 4xx) is kept, and a
 * retry with the same key gets that same answer — marked `Idempotent-Replayed: true` — instead of
 * a second effect: a second subscription, a second skip. A transient answer is not kept (5xx,
 * 409 "just changed", 429): the claim is released, so a retry runs again. The same key with a different request
 * (method, path or body) is refused 422; a retry while the first is still running gets 409.
 * Claim → run → record: the statements run on the pool, never around the handler in a
 * transaction. Kept 24 h (purge-security-records).
 */
export async function withIdempotency(req: Request, userId: string, run: () => Promise<Response>): Promise<Response> {
  const key = req.headers.get(IDEMPOTENCY_HEADER);
  if (key === null || req.method.toUpperCase() === "GET") return run();
  if (!KEY.test(key))
    throw new AppError("BAD_REQUEST", "Idempotency-Key must be 1–255 visible ASCII characters", { "idempotency-key": "is malformed" });

  const body = await req.clone().text();
  const fingerprint = createHash("sha256")
    .update(`${req.method.toUpperCase()} ${new URL(req.url).pathname}\n${body}`)
    .digest("hex");
  const db = getDb();
  const now = new Date();
  const [claimed] = await db.execute<{ claimed: boolean }>(sql`
    INSERT INTO idempotency_keys (user_id, key, fingerprint, claimed_at)
    VALUES (${userId}, ${key}, ${fingerprint}, ${now.toISOString()}::timestamptz)
    ON CONFLICT (user_id, key) DO UPDATE SET claimed_at = EXCLUDED.claimed_at
    WHERE idempotency_keys.completed_at IS NULL AND idempotency_keys.fingerprint = EXCLUDED.fingerprint
      AND idempotency_keys.claimed_at < EXCLUDED.claimed_at - make_interval(secs => ${STALE_CLAIM_MS / 1000})
    RETURNING true AS claimed`);
  if (!claimed) return replay(userId, key, fingerprint);

  let res: Response;
  try {
    res = await run();
  } catch (e) {
    await release(userId, key, now);
    throw e;
  }
  if (res.status >= 500 || res.status === 409 || res.status === 429) {
    await release(userId, key, now);
    return res;
  }
  const text = await res.clone().text();
  await db.execute(sql`
    UPDATE idempotency_keys SET completed_at = ${new Date().toISOString()}::timestamptz, status = ${res.status}, content_type = ${res.headers.get("content-type")}, body = ${text}
    WHERE user_id = ${userId} AND key = ${key} AND claimed_at = ${now.toISOString()}::timestamptz AND completed_at IS NULL`);
  return res;
}

async function replay(userId: string, key: string, fingerprint: string): Promise<Response> {
  const [row] = await getDb().execute<{ fingerprint: string; status: number | null; content_type: string | null; body: string | null }>(sql`
    SELECT fingerprint, status, content_type, body FROM idempotency_keys WHERE user_id = ${userId} AND key = ${key}`);
  if (row && row.fingerprint !== fingerprint) {
    throw new AppError("VALIDATION", "This Idempotency-Key was already used for a different request", {
      "idempotency-key": "was used for a different request; use a new key",
    });
  }
  if (!row || row.status === null) {
    throw new AppError("CONFLICT", "A request with this Idempotency-Key is still in progress; retry in a moment");
  }
  return new NextResponse(row.body, {
    status: row.status,
    headers: { "content-type": row.content_type ?? "application/json", "idempotent-replayed": "true" },
  });
}

async function release(userId: string, key: string, claimedAt: Date): Promise<void> {
  await getDb().execute(sql`
    DELETE FROM idempotency_keys
    WHERE user_id = ${userId} AND key = ${key} AND claimed_at = ${claimedAt.toISOString()}::timestamptz AND completed_at IS NULL`);
}
