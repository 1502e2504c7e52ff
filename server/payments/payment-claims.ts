import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { PaymentStatus } from "@/db/schema";
import type { GatewayOutcome } from "./gateway";

/*
 * Every payment operation is claim → call → record (docs/payments.md):
 *   1. claim: one guarded statement commits the intent (an in-flight status + the call's
 *      idempotency key in pending_key), or reports why it may not (already done, busy);
 *   2. call the gateway outside any transaction — a slow gateway holds no connection;
 *   3. record: one statement guarded on (status, pending_key), so only the claimant's
 *      result lands. An unknown result (`error`) keeps the claim, and the next try first
 *      replays the old key: the gateway returns the first call's answer instead of acting twice.
 * Operations take many orders at once (renewal day); the single-order functions wrap them.
 */

export type PaymentResult = { ok: true; ref: string; reused: boolean } | { ok: false; code: string; retryable: boolean; transient: boolean };

export type PaymentRequest = { orderId: string; idempotencyKey: string; now: Date };

/** How long a claim keeps other keys out: longer than a gateway call may take (Stripe: 80 s max). */
export const CLAIM_LEASE_MS = 120_000;

export const fromOutcome = (o: Exclude<GatewayOutcome, { status: "approved" }>): PaymentResult =>
  o.status === "declined"
    ? { ok: false, code: o.code, retryable: o.retryable, transient: false }
    : { ok: false, code: o.code, retryable: true, transient: true };

export const refused = (code: string, retryable = false): PaymentResult => ({ ok: false, code, retryable, transient: false });

/** The payment row as a claim saw it before writing. */
export type PaymentRow = { id: string; status: PaymentStatus; ref: string | null; amount_minor: number; pending_key: string | null };
export type Claim = { orderId: string; key: string; before: PaymentRow | null; claimed: boolean };

export type ClaimRow = { order_id: string; before: PaymentRow | null; claimed: boolean };

/**
 * A set-based claim in one statement: `rows` become the CTE `input` (record columns
 * `columns`, e.g. "order_id uuid, key text"), `claim` is the data-modifying statement over it
 * and RETURNs the order_id of each row it took. Answers, per input row, the payment as it was
 * before the claim and whether this claim took it.
 */
export async function claimMany(db: Database, rows: readonly object[], columns: string, claim: SQL): Promise<ClaimRow[]> {
  if (rows.length === 0) return [];
  return [
    ...(await db.execute<ClaimRow>(sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS i(${sql.raw(columns)})
    ), before AS (
      SELECT p.order_id, p.id, p.status, p.ref, p.amount_minor, p.pending_key FROM payments p JOIN input i ON i.order_id = p.order_id
    ), claimed AS (${claim})
    SELECT i.order_id::text,
      (SELECT jsonb_build_object('id', b.id, 'status', b.status, 'ref', b.ref, 'amount_minor', b.amount_minor, 'pending_key', b.pending_key)
       FROM before b WHERE b.order_id = i.order_id) AS before,
      EXISTS (SELECT 1 FROM claimed c WHERE c.order_id = i.order_id) AS claimed
    FROM input i`)),
  ];
}

/** A previous try's call whose answer was lost: ask the gateway again under its key first. */
export async function replayPrevious(claim: Claim, inFlight: PaymentStatus, call: (key: string) => Promise<GatewayOutcome>) {
  const prior = claim.before;
  if (prior?.status !== inFlight || !prior.pending_key || prior.pending_key === claim.key) return null;
  const outcome = await call(prior.pending_key);
  return outcome.status === "approved" ? outcome : null;
}

export type Recording = { orderId: string; key: string; status: PaymentStatus; ref?: string | null; authorizedAt?: Date; capturedAt?: Date };

/**
 * Records outcomes in one statement; a row changes only if its claim (status `claimedAs`, this
 * key) is still the current one. Returns the order ids whose result landed.
 */
export async function recordOutcomes(db: Database, claimedAs: PaymentStatus, rows: readonly Recording[], now: Date): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const input = rows.map((r) => ({
    order_id: r.orderId,
    key: r.key,
    status: r.status,
    ref: r.ref ?? null,
    authorized_at: r.authorizedAt?.toISOString() ?? null,
    captured_at: r.capturedAt?.toISOString() ?? null,
  }));
  const landed = await db.execute<{ order_id: string }>(sql`
    UPDATE payments p SET status = i.status, ref = coalesce(i.ref, p.ref), pending_key = NULL, lease_until = NULL,
      authorized_at = coalesce(i.authorized_at, p.authorized_at), captured_at = coalesce(i.captured_at, p.captured_at),
      updated_at = ${now.toISOString()}::timestamptz
    FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
      AS i(order_id uuid, key text, status text, ref text, authorized_at timestamptz, captured_at timestamptz)
    WHERE p.order_id = i.order_id AND p.status = ${claimedAs} AND p.pending_key = i.key
    RETURNING p.order_id::text`);
  return new Set(landed.map((r) => r.order_id));
}

/**
 * An unanswered call (gateway `error`): the claim and its key stay, so the next try replays
 * the key first, but the lease ends now so that next try may take over at once.
 */
export async function releaseLeases(db: Database, claimedAs: PaymentStatus, rows: ReadonlyArray<{ orderId: string; key: string }>, now: Date) {
  if (rows.length === 0) return;
  await db.execute(sql`
    UPDATE payments p SET lease_until = ${now.toISOString()}::timestamptz
    FROM jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ order_id: r.orderId, key: r.key })))}::jsonb) AS i(order_id uuid, key text)
    WHERE p.order_id = i.order_id AND p.status = ${claimedAs} AND p.pending_key = i.key`);
}
