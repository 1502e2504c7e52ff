import "server-only";
import { mapLimit } from "@/server/lib/map-limit";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { PaymentGateway } from "./gateway";
import {
  CLAIM_LEASE_MS,
  claimMany,
  fromOutcome,
  type PaymentRequest,
  type PaymentResult,
  type Recording,
  recordOutcomes,
  refused,
  releaseLeases,
  replayPrevious,
} from "./payment-claims";

/**
 * Captures each order's authorization; capturing an already captured payment is a no-op.
 * Claim and record are one statement each for the set (payment-claims.ts); gateway calls run
 * `parallelism` at a time, outside any transaction. Results in input order.
 */
export async function captureOrderPayments(
  db: Database,
  gateway: PaymentGateway,
  requests: readonly PaymentRequest[],
  opts: { parallelism: number } = { parallelism: 4 },
): Promise<PaymentResult[]> {
  if (requests.length === 0) return [];
  const now = requests[0]!.now;
  const at = now.toISOString();
  const input = requests.map((r) => ({ order_id: r.orderId, key: r.idempotencyKey }));
  const claims = await claimMany(
    db,
    input,
    "order_id uuid, key text",
    sql`
    UPDATE payments p SET status = 'capturing', pending_key = i.key, updated_at = ${at}::timestamptz,
      lease_until = ${new Date(now.getTime() + CLAIM_LEASE_MS).toISOString()}::timestamptz
    FROM input i WHERE p.order_id = i.order_id AND p.ref IS NOT NULL
      AND (p.status = 'authorized'
           OR (p.status = 'capturing' AND (p.pending_key = i.key OR p.lease_until IS NULL OR p.lease_until <= ${at}::timestamptz)))
    RETURNING p.order_id`,
  );
  const results = new Map<string, PaymentResult>();
  const captured: Recording[] = [];
  const declined: Recording[] = [];
  const unanswered: Array<{ orderId: string; key: string }> = [];
  await mapLimit(claims, opts.parallelism, async (c) => {
    const key = requests.find((r) => r.orderId === c.order_id)!.idempotencyKey;
    const p = c.before;
    if (!c.claimed || !p?.ref) {
      const busy = p?.status === "capturing";
      results.set(
        c.order_id,
        p?.status === "captured" && p.ref
          ? { ok: true, ref: p.ref, reused: true }
          : busy
            ? refused("payment_busy:capturing", true)
            : refused("not_authorized"),
      );
      return;
    }
    const ref = p.ref;
    const call = (k: string) => gateway.capture({ orderId: c.order_id, ref, amountMinor: Number(p.amount_minor), idempotencyKey: k });
    const replayed = await replayPrevious({ orderId: c.order_id, key, before: p, claimed: true }, "capturing", call);
    const outcome = replayed ?? (await call(key));
    if (outcome.status === "approved") {
      captured.push({ orderId: c.order_id, key, status: "captured", capturedAt: now });
      results.set(c.order_id, { ok: true, ref, reused: replayed !== null });
      return;
    }
    // A declined capture keeps the authorization; an error keeps the claim (replayed next try).
    if (outcome.status === "declined") declined.push({ orderId: c.order_id, key, status: "authorized" });
    else unanswered.push({ orderId: c.order_id, key });
    results.set(c.order_id, fromOutcome(outcome));
  });
  await recordOutcomes(db, "capturing", [...captured, ...declined], now);
  await releaseLeases(db, "capturing", unanswered, now);
  return requests.map((r) => results.get(r.orderId) ?? refused("payment_not_attempted", true));
}
