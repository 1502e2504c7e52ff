import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { orders, type PaymentStatus } from "@/db/schema";
import type { GatewayOutcome, PaymentGateway } from "./gateway";
import { paymentMethodFor } from "./payment-method";

export type PaymentResult =
  | { ok: true; ref: string; reused: boolean }
  | { ok: false; code: string; retryable: boolean; transient: boolean };

const fromOutcome = (o: Exclude<GatewayOutcome, { status: "approved" }>): PaymentResult =>
  o.status === "declined"
    ? { ok: false, code: o.code, retryable: o.retryable, transient: false }
    : { ok: false, code: o.code, retryable: true, transient: true };

const refused = (code: string, retryable = false): PaymentResult => ({ ok: false, code, retryable, transient: false });

type Row = { id: string; status: PaymentStatus; ref: string | null; amount_minor: string | number; pending_key: string | null };
/** What a claim saw before it wrote, and whether it took the row. */
type Claim = { before: Row | null; claimed: boolean };

/*
 * Every operation below is claim → call → record (docs/payments.md):
 *   1. claim: one guarded statement commits the intent (an in-flight status + the call's
 *      idempotency key in pending_key), or reports why it may not (already done, busy);
 *   2. call the gateway outside any transaction — a slow gateway holds no connection;
 *   3. record: one statement guarded on (status, pending_key), so only the claimant's
 *      result lands. An unknown result (`error`) keeps the claim, and the next try first
 *      replays the old key: the gateway returns the first call's answer instead of acting twice.
 */

async function claimRow(db: Database, orderId: string, to: PaymentStatus, from: PaymentStatus[], key: string, now: Date): Promise<Claim> {
  const rows = await db.execute<{ before: Row | null; claimed: boolean }>(sql`
    WITH before AS (
      SELECT id, status, ref, amount_minor, pending_key FROM payments WHERE order_id = ${orderId} FOR UPDATE
    ), claimed AS (
      UPDATE payments SET status = ${to}, pending_key = ${key}, updated_at = ${now.toISOString()}::timestamptz
      WHERE order_id = ${orderId} AND status = ANY(${`{${from.join(",")}}`}::text[])
      RETURNING id
    )
    SELECT (SELECT to_jsonb(before) FROM before) AS before, EXISTS (SELECT 1 FROM claimed) AS claimed`);
  return rows[0] ?? { before: null, claimed: false };
}

/** Records an outcome only if this call's claim is still the current one. */
async function record(db: Database, orderId: string, claimedAs: PaymentStatus, key: string, set: ReturnType<typeof sql>): Promise<boolean> {
  const rows = await db.execute(sql`
    UPDATE payments SET ${set}, pending_key = NULL
    WHERE order_id = ${orderId} AND status = ${claimedAs} AND pending_key = ${key} RETURNING id`);
  return rows.length > 0;
}

/** A previous try's call whose answer was lost: ask the gateway again under its key first. */
async function replayPrevious(claim: Claim, inFlight: PaymentStatus, key: string, call: (key: string) => Promise<GatewayOutcome>) {
  const prior = claim.before;
  if (prior?.status !== inFlight || !prior.pending_key || prior.pending_key === key) return null;
  const outcome = await call(prior.pending_key);
  return outcome.status === "approved" ? outcome : null;
}

/**
 * Authorizes the order's total, at most once per order: an existing authorization (or
 * capture) is reused, which is what lets an order re-enter Processing after a restock.
 */
export async function authorizeOrderPayment(
  db: Database, gateway: PaymentGateway, input: { orderId: string; idempotencyKey: string; now: Date },
): Promise<PaymentResult> {
  const { orderId, idempotencyKey: key, now } = input;
  const [order] = await db
    .select({ customerId: orders.customerId, totalMinor: orders.totalMinor, currency: orders.currency })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (!order) return refused("order_not_found");
  const method = await paymentMethodFor(db, order.customerId, gateway.name);
  if (!method) return refused("no_payment_method");

  // Claim: create the row, or take it over from a failed/voided/refunded/lost try.
  const rows = await db.execute<{ before: Row | null; claimed: boolean }>(sql`
    WITH before AS (
      SELECT id, status, ref, amount_minor, pending_key FROM payments WHERE order_id = ${orderId}
    ), claimed AS (
      INSERT INTO payments (order_id, gateway, status, amount_minor, currency, ref, pending_key, updated_at)
      VALUES (${orderId}, ${gateway.name}, 'authorizing', ${order.totalMinor}, ${order.currency}, NULL, ${key}, ${now.toISOString()}::timestamptz)
      ON CONFLICT (order_id) DO UPDATE SET status = 'authorizing', pending_key = EXCLUDED.pending_key, ref = NULL,
        gateway = EXCLUDED.gateway, amount_minor = EXCLUDED.amount_minor, currency = EXCLUDED.currency, updated_at = EXCLUDED.updated_at
      WHERE payments.status IN ('authorizing', 'failed', 'voided', 'refunded')
      RETURNING id
    )
    SELECT (SELECT to_jsonb(before) FROM before) AS before, EXISTS (SELECT 1 FROM claimed) AS claimed`);
  const claim = rows[0] ?? { before: null, claimed: false };
  const before = claim.before;
  if (!claim.claimed) {
    if (before && (before.status === "authorized" || before.status === "captured") && before.ref) return { ok: true, ref: before.ref, reused: true };
    return refused(`payment_busy:${before?.status ?? "unknown"}`, true);
  }

  const call = (k: string) => gateway.authorize({
    orderId, amountMinor: order.totalMinor, currency: order.currency, paymentMethod: method, idempotencyKey: k,
  });
  const replayed = await replayPrevious(claim, "authorizing", key, call);
  const outcome = replayed ?? (await call(key));
  if (outcome.status === "approved") {
    const landed = await record(db, orderId, "authorizing", key,
      sql`status = 'authorized', ref = ${outcome.ref}, authorized_at = ${now.toISOString()}::timestamptz, captured_at = NULL, updated_at = ${now.toISOString()}::timestamptz`);
    if (!landed) {
      // Another try took the row over while we called. If it recorded this same hold (same
      // key, replayed), all is well; a different hold would be a second one: give it back.
      const [current] = await db.execute<Row>(sql`SELECT id, status, ref, amount_minor, pending_key FROM payments WHERE order_id = ${orderId}`);
      if (current?.ref === outcome.ref) return { ok: true, ref: outcome.ref, reused: true };
      await gateway.void({ orderId, ref: outcome.ref, amountMinor: order.totalMinor, idempotencyKey: `${key}-orphan-void` });
      return refused("payment_claim_lost", true);
    }
    return { ok: true, ref: outcome.ref, reused: replayed !== null };
  }
  // A decline is final for this try; an error may have happened after the gateway acted, so the
  // claim stays and the next try replays this key first.
  if (outcome.status === "declined") {
    await record(db, orderId, "authorizing", key, sql`status = 'failed', updated_at = ${now.toISOString()}::timestamptz`);
  }
  return fromOutcome(outcome);
}

/** Captures the order's authorization; capturing an already captured payment is a no-op. */
export async function captureOrderPayment(
  db: Database, gateway: PaymentGateway, input: { orderId: string; idempotencyKey: string; now: Date },
): Promise<PaymentResult> {
  const { orderId, idempotencyKey: key, now } = input;
  const claim = await claimRow(db, orderId, "capturing", ["authorized", "capturing"], key, now);
  const p = claim.before;
  if (!claim.claimed || !p?.ref) {
    if (p?.status === "captured" && p.ref) return { ok: true, ref: p.ref, reused: true };
    return refused("not_authorized");
  }
  const ref = p.ref;
  const call = (k: string) => gateway.capture({ orderId, ref, amountMinor: Number(p.amount_minor), idempotencyKey: k });
  const replayed = await replayPrevious(claim, "capturing", key, call);
  const outcome = replayed ?? (await call(key));
  if (outcome.status === "approved") {
    await record(db, orderId, "capturing", key, sql`status = 'captured', captured_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz`);
    return { ok: true, ref, reused: replayed !== null };
  }
  if (outcome.status === "declined") {
    await record(db, orderId, "capturing", key, sql`status = 'authorized', updated_at = ${now.toISOString()}::timestamptz`);
  }
  return fromOutcome(outcome);
}

/**
 * Gives the money back when an order ends without shipping: voids an open authorization,
 * refunds a capture. Idempotent (keys derive from the payment) and a no-op without a payment.
 */
export async function releaseOrderPayment(
  db: Database, gateway: PaymentGateway, input: { orderId: string; now: Date },
): Promise<PaymentResult | null> {
  const { orderId, now } = input;
  const [current] = await db.execute<Row>(sql`SELECT id, status, ref, amount_minor, pending_key FROM payments WHERE order_id = ${orderId}`);
  if (!current || !current.ref) return null;
  const kind = current.status === "authorized" || current.status === "voiding" ? "void"
    : current.status === "captured" || current.status === "refunding" ? "refund" : null;
  if (!kind) return null;
  const [inFlight, from, done] = kind === "void"
    ? (["voiding", ["authorized", "voiding"], "voided"] as const)
    : (["refunding", ["captured", "refunding"], "refunded"] as const);
  // One key per payment and kind: a repeated release replays at the gateway by construction.
  const key = `${current.id}-${kind}`;
  const claim = await claimRow(db, orderId, inFlight, [...from], key, now);
  if (!claim.claimed) return null;
  const req = { orderId, ref: current.ref, amountMinor: Number(current.amount_minor), idempotencyKey: key };
  const outcome = kind === "void" ? await gateway.void(req) : await gateway.refund(req);
  if (outcome.status === "approved") {
    await record(db, orderId, inFlight, key, sql`status = ${done}, updated_at = ${now.toISOString()}::timestamptz`);
    return { ok: true, ref: current.ref, reused: false };
  }
  if (outcome.status === "declined") {
    await record(db, orderId, inFlight, key, sql`status = ${from[0]}, updated_at = ${now.toISOString()}::timestamptz`);
  }
  return fromOutcome(outcome);
}
