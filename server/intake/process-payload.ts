import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { pgError } from "@/db/pg-error";
import { intakePayloads } from "@/db/schema";
import { inngest } from "@/inngest/client";
import { announceOrders } from "@/server/orders/announce-orders";
import type { RuntimeEvent } from "@/server/workflows/order-runtime";
import { sendAfterCommit } from "@/server/workflows/order-runtime";
import { notFound } from "../errors/app-error";
import { intakeAdapters } from "./adapters";
import { applyShopifyRefund, applyWooDelete, insertRefunds, topicEffect, wooRefundsOf } from "./apply-channel-topic";
import { applySkuAliases } from "./apply-sku-aliases";
import { applyToExistingOrder, findIntakeOrderForUpdate } from "./apply-to-existing-order";
import { createIntakeOrder } from "./create-intake-order";
import { fetchIfThin } from "./connectors/fetch-if-thin";
import { findEarlierDelivery, newerAppliedDelivery, storeOrderPrefix } from "./delivery-checks";
import { deadLetterPayload, finishPayload } from "./finish-payload";
import type { IntakeResult } from "./intake-status";
import { classifyAdapterError } from "./issue-codes";
import { loadChannelSettings, loadSkuAliases } from "./load-intake-rules";
import { loadPayloadResult, resultOfPayload } from "./payload-result";
import { validateOrder } from "./validate-order";

/**
 * Processes one stored payload to its final status (docs/intake-governance.md, "Processing").
 * Called synchronously by the route for fast feedback, by the process-intake Inngest function
 * (retries with backoff) when that failed, and by admin replays. Safe to run twice or
 * concurrently: the work happens in ONE transaction holding the payload's row lock and only
 * while it is `received`; a second caller waits, then returns the stored result.
 *
 * Order of checks: parse (completeness) → SKU aliases → existing order? (idempotency and the
 * state rule) → new order already cancelled / test order → references and totals → create.
 * A transient failure (database, deadlock…) rolls back, records a safe error code and rethrows
 * so the caller can retry; the payload stays `received` and nothing is half-done.
 */
export async function processPayload(db: Database, payloadId: string, opts: { now: Date }): Promise<IntakeResult> {
  // A connected BigCommerce store's thin webhook is fetched first (HTTP, outside any transaction).
  const fetchFailed = await fetchIfThin(db, payloadId, opts.now);
  if (fetchFailed) return fetchFailed;
  // Counted outside the transaction so failed attempts are counted too.
  const claimed = await db
    .update(intakePayloads)
    .set({ attempts: sql`${intakePayloads.attempts} + 1`, lastAttemptAt: opts.now })
    .where(and(eq(intakePayloads.id, payloadId), eq(intakePayloads.status, "received")))
    .returning({ id: intakePayloads.id });
  if (claimed.length === 0) return loadPayloadResult(db, payloadId);

  let outcome: Outcome;
  try {
    outcome = await db.transaction((tx) => processLocked(tx, payloadId, opts.now));
  } catch (e) {
    await db
      .update(intakePayloads)
      .set({ lastError: safeErrorCode(e) })
      .where(eq(intakePayloads.id, payloadId))
      .catch(() => {});
    throw e;
  }
  if (outcome.createdOrderId) await announceOrders([outcome.createdOrderId]);
  // A cancelled order's terminal state settles its payment; a lost send is the sweeper's.
  if (outcome.events?.length) await sendAfterCommit((events) => inngest.send(events), outcome.events);
  return outcome.result;
}

type Outcome = { result: IntakeResult; createdOrderId?: string; events?: RuntimeEvent[] };

async function processLocked(tx: Transaction, payloadId: string, now: Date): Promise<Outcome> {
  const [row] = await tx.select().from(intakePayloads).where(eq(intakePayloads.id, payloadId)).for("update");
  if (!row) throw notFound("Intake payload");
  if (row.status !== "received") return { result: resultOfPayload(row) };

  // Connected stores (docs/intake.md, "Connected stores"): same delivery again, topics that are not orders.
  const earlier = await findEarlierDelivery(tx, row);
  if (earlier) {
    const dup = {
      status: "duplicate" as const,
      duplicateOf: earlier.id,
      orderId: earlier.orderId,
      action: earlier.action,
      canonical: earlier.canonical,
    };
    return { result: await finishPayload(tx, row, dup, now) };
  }
  const prefix = await storeOrderPrefix(tx, row);
  const effect = topicEffect(row.channel, row.topic);
  if (effect === "refund") return applyShopifyRefund(tx, row, prefix, now);
  if (effect === "delete") return applyWooDelete(tx, row, prefix, now);
  if (effect === "unsupported") return { result: await finishPayload(tx, row, { status: "ignored", reason: "unsupported_topic" }, now) };

  const body = row.correctedBody ?? row.fetchedBody ?? row.rawBody;
  const parsed = intakeAdapters[row.channel].parse(body);
  if (!parsed.ok) return { result: await deadLetterPayload(tx, row, parsed.errors.map(classifyAdapterError), null, now) };
  const aliased = applySkuAliases(parsed.order, await loadSkuAliases(tx, row.channel));
  const order = prefix ? { ...aliased, externalId: `${prefix}${aliased.externalId}` } : aliased;

  const existing = await findIntakeOrderForUpdate(tx, row.channel, order.externalId);
  if (existing) {
    const newer = await newerAppliedDelivery(tx, row, existing.id);
    if (newer) {
      const message = `Triggered at ${row.triggeredAt?.toISOString()}, before the change already applied at ${newer.triggeredAt.toISOString()}`;
      const stale = {
        status: "ignored" as const,
        reason: "stale_delivery",
        canonical: order,
        orderId: existing.id,
        errors: [{ path: "", code: "stale_delivery" as const, message }],
      };
      return { result: await finishPayload(tx, row, stale, now) };
    }
    if (row.channel === "woocommerce" && order.status !== "cancelled") {
      const refunds = wooRefundsOf(body, prefix, order.currency, now);
      if ((await insertRefunds(tx, row, existing.id, order.currency, refunds, now)) > 0) {
        return { result: await finishPayload(tx, row, { status: "accepted", action: "refunded", canonical: order, orderId: existing.id }, now) };
      }
    }
    return applyToExistingOrder(tx, row, order, existing, now);
  }

  const settings = await loadChannelSettings(tx, row.channel);
  if (order.status === "cancelled") {
    return { result: await finishPayload(tx, row, { status: "ignored", reason: "cancelled_before_intake", canonical: order }, now) };
  }
  if (order.test && settings.testOrders === "ignore") {
    return { result: await finishPayload(tx, row, { status: "ignored", reason: "test_order", canonical: order }, now) };
  }

  const valid = await validateOrder(tx, order, settings);
  if (!valid.ok) return { result: await deadLetterPayload(tx, row, valid.errors, order, now) };

  const orderId = await createIntakeOrder(tx, order, valid, { payloadId: row.id, now });
  if (!orderId) {
    // A concurrent copy of the same order committed first: this one is its replay.
    const winner = await findIntakeOrderForUpdate(tx, row.channel, order.externalId);
    if (!winner) throw new Error("order conflict without an order");
    return applyToExistingOrder(tx, row, order, winner, now);
  }
  const result = await finishPayload(tx, row, { status: "accepted", action: "created", canonical: order, orderId }, now);
  return { result, createdOrderId: orderId };
}

/** What is stored as `last_error`: a code, never a driver message (it can contain data). */
function safeErrorCode(e: unknown): string {
  const pg = pgError(e);
  if (pg) return `postgres ${pg.code}`;
  return e instanceof Error ? e.name : "unknown error";
}
