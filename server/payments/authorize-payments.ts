import "server-only";
import { mapLimit } from "@/server/lib/map-limit";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { GatewayOutcome, PaymentGateway, PaymentMethodRef } from "./gateway";
import {
  CLAIM_LEASE_MS,
  type Claim,
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
import { methodToCharge } from "./payment-method";

type OrderToPay = {
  id: string;
  total_minor: number;
  currency: string;
  gateway: string | null;
  token: string | null;
  provider_customer_id: string | null;
};

/**
 * Authorizes each order's total, at most once per order: an existing authorization (or
 * capture) is reused, which is what lets an order re-enter Processing after a restock.
 * Claim and record are one statement each for the whole set; gateway calls run `parallelism`
 * at a time, outside any transaction. Results in input order.
 */
export async function authorizeOrderPayments(
  db: Database,
  gateway: PaymentGateway,
  requests: readonly PaymentRequest[],
  opts: { parallelism: number } = { parallelism: 4 },
): Promise<PaymentResult[]> {
  if (requests.length === 0) return [];
  const now = requests[0]!.now;
  const ids = `{${requests.map((r) => r.orderId).join(",")}}`;
  const orderRows = await db.execute<OrderToPay>(sql`
    SELECT o.id::text, o.total_minor, o.currency, m.gateway, m.token, m.provider_customer_id
    FROM orders o LEFT JOIN payment_methods m ON m.customer_id = o.customer_id
    WHERE o.id = ANY(${ids}::uuid[])`);
  const byId = new Map(orderRows.map((o) => [o.id, o]));
  const results = new Map<string, PaymentResult>();
  const toClaim: Array<{ req: PaymentRequest; order: OrderToPay; method: PaymentMethodRef }> = [];
  for (const req of requests) {
    const order = byId.get(req.orderId);
    const method =
      order && methodToCharge({ gateway: order.gateway, token: order.token, providerCustomerId: order.provider_customer_id }, gateway.name);
    if (!order) results.set(req.orderId, refused("order_not_found"));
    else if (!method) results.set(req.orderId, refused("no_payment_method"));
    else toClaim.push({ req, order, method });
  }

  // Claim: create each row, or take it over from a failed/voided/refunded/lost try.
  const at = now.toISOString();
  const lease = new Date(now.getTime() + CLAIM_LEASE_MS).toISOString();
  const input = toClaim.map(({ req, order }) => ({
    order_id: req.orderId,
    key: req.idempotencyKey,
    amount: Number(order.total_minor),
    currency: order.currency,
  }));
  const claimRows = await claimMany(
    db,
    input,
    "order_id uuid, key text, amount bigint, currency text",
    sql`
    INSERT INTO payments (order_id, gateway, status, amount_minor, currency, ref, pending_key, lease_until, updated_at)
    SELECT order_id, ${gateway.name}, 'authorizing', amount, currency, NULL, key, ${lease}::timestamptz, ${at}::timestamptz FROM input
    ON CONFLICT (order_id) DO UPDATE SET status = 'authorizing', pending_key = EXCLUDED.pending_key, lease_until = EXCLUDED.lease_until,
      ref = NULL, gateway = EXCLUDED.gateway, amount_minor = EXCLUDED.amount_minor, currency = EXCLUDED.currency, updated_at = EXCLUDED.updated_at
    -- Take over a finished try, or an in-flight one that is ours (a duplicate) or whose lease ended.
    WHERE payments.status IN ('failed', 'voided', 'refunded')
       OR (payments.status = 'authorizing' AND (payments.pending_key = EXCLUDED.pending_key
           OR payments.lease_until IS NULL OR payments.lease_until <= ${at}::timestamptz))
    RETURNING order_id`,
  );
  const claims = new Map(claimRows.map((c) => [c.order_id, c]));

  const approved: Recording[] = [];
  const declined: Recording[] = [];
  const unanswered: Array<{ orderId: string; key: string }> = [];
  const answers = new Map<string, { outcome: GatewayOutcome; replayed: boolean }>();
  await mapLimit(toClaim, opts.parallelism, async ({ req, order, method }) => {
    const c = claims.get(req.orderId);
    const before = c?.before ?? null;
    if (!c?.claimed) {
      const reusable = before && (before.status === "authorized" || before.status === "captured") && before.ref;
      results.set(
        req.orderId,
        reusable ? { ok: true, ref: before.ref!, reused: true } : refused(`payment_busy:${before?.status ?? "unknown"}`, true),
      );
      return;
    }
    const claim: Claim = { orderId: req.orderId, key: req.idempotencyKey, before, claimed: true };
    const call = (k: string) =>
      gateway.authorize({
        orderId: req.orderId,
        amountMinor: Number(order.total_minor),
        currency: order.currency,
        paymentMethod: method,
        idempotencyKey: k,
      });
    const replayed = await replayPrevious(claim, "authorizing", call);
    const outcome = replayed ?? (await call(req.idempotencyKey));
    answers.set(req.orderId, { outcome, replayed: replayed !== null });
    if (outcome.status === "approved")
      approved.push({ orderId: req.orderId, key: req.idempotencyKey, status: "authorized", ref: outcome.ref, authorizedAt: now });
    // A decline is final for this try; an error may have happened after the gateway acted, so
    // the claim stays and the next try replays this key first.
    else if (outcome.status === "declined") declined.push({ orderId: req.orderId, key: req.idempotencyKey, status: "failed" });
    else unanswered.push({ orderId: req.orderId, key: req.idempotencyKey });
  });

  await recordOutcomes(db, "authorizing", [...approved, ...declined], now);
  await releaseLeases(db, "authorizing", unanswered, now);
  for (const { req } of toClaim) {
    const answer = answers.get(req.orderId);
    if (!answer) continue;
    // Recorded by us — or, if a duplicate of this try (same key) or a taker after the lease
    // (which replays this key first) got there, the same hold is recorded by them: the key
    // makes it one authorization either way, so nothing is ever voided here.
    results.set(
      req.orderId,
      answer.outcome.status === "approved" ? { ok: true, ref: answer.outcome.ref, reused: answer.replayed } : fromOutcome(answer.outcome),
    );
  }
  return requests.map((r) => results.get(r.orderId) ?? refused("payment_not_attempted", true));
}
