import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db/client";
import { auditLog, intakePayloads, intakeRefunds, orders } from "@/db/schema";
import type { Channel } from "./adapters/canonical-order";
import { parseMoney } from "./adapters/money";
import { applyToExistingOrder, type ExistingOrderOutcome, findIntakeOrderForUpdate } from "./apply-to-existing-order";
import { finishPayload } from "./finish-payload";
import type { StoredCanonical } from "./intake-status";
import type { RefundLine } from "./json-shapes";

type PayloadRow = typeof intakePayloads.$inferSelect;

/**
 * What a topic does to the canonical order (docs/intake.md, "Topics"). Order topics carry the
 * whole order and go through the normal path (new order, or an update under the state rule,
 * a cancel through the workflow runtime); refunds and deletions carry something else.
 */
export type TopicEffect = "order" | "refund" | "delete" | "unsupported";

const ORDER_TOPICS: Partial<Record<Channel, readonly string[]>> = {
  shopify: ["orders/create", "orders/updated", "orders/paid", "orders/fulfilled", "orders/partially_fulfilled", "orders/cancelled", "orders/edited"],
  woocommerce: ["order.created", "order.updated", "order.restored"],
};

export function topicEffect(channel: Channel, topic: string | null): TopicEffect {
  if (topic === null || channel === "bigcommerce") return "order"; // BigCommerce: every scope refetches the order
  if (channel === "shopify" && topic === "refunds/create") return "refund";
  if (channel === "woocommerce" && topic === "order.deleted") return "delete";
  return ORDER_TOPICS[channel]?.includes(topic) ? "order" : "unsupported";
}

const shopifyRefundSchema = z.object({
  id: z.union([z.number(), z.string()]),
  order_id: z.union([z.number(), z.string()]),
  created_at: z.string().nullish(),
  refund_line_items: z
    .array(
      z.object({
        quantity: z.number().int(),
        subtotal: z.union([z.string(), z.number()]).nullish(),
        line_item: z.object({ sku: z.string().nullish() }).nullish(),
      }),
    )
    .default([]),
  transactions: z
    .array(z.object({ amount: z.union([z.string(), z.number()]), kind: z.string().nullish(), status: z.string().nullish() }))
    .default([]),
});

/**
 * Shopify `refunds/create`: recorded against the order (intake_refunds, one row per channel
 * refund id, so a redelivery records nothing), lines and amount in the order's currency. A
 * refund for an order Replen does not have is dead-lettered (replayable once the order arrives).
 */
export async function applyShopifyRefund(tx: Transaction, row: PayloadRow, prefix: string, now: Date): Promise<ExistingOrderOutcome> {
  const done = async (f: Parameters<typeof finishPayload>[2]) => ({ result: await finishPayload(tx, row, f, now), events: [] });
  const parsed = shopifyRefundSchema.safeParse(safeJson(row.correctedBody ?? row.rawBody));
  if (!parsed.success) {
    return done({
      status: "dead_lettered",
      reason: "malformed_body",
      errors: [{ path: "", code: "malformed_body", message: "Not a Shopify refund (id, order_id)" }],
    });
  }
  const r = parsed.data;
  const order = await findIntakeOrderForUpdate(tx, row.channel, `${prefix}${r.order_id}`);
  if (!order) {
    const message = `Refund ${r.id} is for order ${r.order_id}, which Replen has not received`;
    return done({ status: "dead_lettered", reason: "unknown_order", errors: [{ path: "order_id", code: "unknown_order", message }] });
  }
  const [{ currency } = { currency: "USD" }] = await tx.select({ currency: orders.currency }).from(orders).where(eq(orders.id, order.id));
  const minor = (v: unknown) => {
    const m = parseMoney(v, currency, "half-even");
    return m.ok ? Number(m.minor < 0n ? -m.minor : m.minor) : 0;
  };
  const amountMinor = r.transactions
    .filter((t) => (t.kind ?? "refund") === "refund" && (t.status ?? "success") === "success")
    .reduce((s, t) => s + minor(t.amount), 0);
  const lines: RefundLine[] = r.refund_line_items.map((l) => ({
    sku: l.line_item?.sku ?? "",
    quantity: l.quantity,
    amountMinor: minor(l.subtotal ?? 0),
  }));
  const refundedAt = r.created_at && !Number.isNaN(new Date(r.created_at).getTime()) ? new Date(r.created_at) : now;
  return recordRefunds(tx, row, order.id, currency, [{ externalRefundId: `${prefix}${r.id}`, amountMinor, lines, refundedAt }], now);
}

type NewRefund = { externalRefundId: string; amountMinor: number; lines: RefundLine[]; refundedAt: Date };

/** Inserts the refunds not recorded yet and finishes the payload: accepted/refunded, or a duplicate. */
export async function recordRefunds(
  tx: Transaction,
  row: PayloadRow,
  orderId: string,
  currency: string,
  refunds: NewRefund[],
  now: Date,
): Promise<ExistingOrderOutcome> {
  const inserted = await insertRefunds(tx, row, orderId, currency, refunds, now);
  const status = inserted > 0 ? "accepted" : "duplicate";
  return { result: await finishPayload(tx, row, { status, action: "refunded", orderId }, now), events: [] };
}

export async function insertRefunds(
  tx: Transaction,
  row: PayloadRow,
  orderId: string,
  currency: string,
  refunds: NewRefund[],
  now: Date,
): Promise<number> {
  if (refunds.length === 0) return 0;
  const rows = await tx
    .insert(intakeRefunds)
    .values(refunds.map((r) => ({ channel: row.channel, orderId, payloadId: row.id, currency, ...r })))
    .onConflictDoNothing({ target: [intakeRefunds.channel, intakeRefunds.externalRefundId] })
    .returning({ id: intakeRefunds.id, externalRefundId: intakeRefunds.externalRefundId, amountMinor: intakeRefunds.amountMinor });
  if (rows.length > 0) {
    await tx.insert(auditLog).values(
      rows.map((r) => ({
        actorType: "channel",
        actorId: row.channel,
        entityType: "intake_refund",
        entityId: r.id,
        action: "refund_recorded",
        at: now,
        data: { orderId, payloadId: row.id, externalRefundId: r.externalRefundId, amountMinor: r.amountMinor, currency },
      })),
    );
  }
  return rows.length;
}

const wooRefundsSchema = z.object({
  refunds: z.array(z.object({ id: z.union([z.number(), z.string()]), total: z.union([z.string(), z.number()]) })).default([]),
});

/** WooCommerce reports refunds inside the order (`refunds: [{ id, total: "-5.00" }]`) on order.updated. */
export function wooRefundsOf(bodyText: string, prefix: string, currency: string, now: Date): NewRefund[] {
  const parsed = wooRefundsSchema.safeParse(safeJson(bodyText));
  if (!parsed.success) return [];
  return parsed.data.refunds.flatMap((r) => {
    const m = parseMoney(String(r.total).replace(/^-/, ""), currency, "half-even");
    return m.ok ? [{ externalRefundId: `${prefix}refund-${r.id}`, amountMinor: Number(m.minor), lines: [], refundedAt: now }] : [];
  });
}

/**
 * WooCommerce `order.deleted` (body `{ "id": … }`): the order was removed in the store, which
 * Replen treats as a cancel — through the state rule and the workflow runtime, like any cancel.
 */
export async function applyWooDelete(tx: Transaction, row: PayloadRow, prefix: string, now: Date): Promise<ExistingOrderOutcome> {
  const id = (safeJson(row.correctedBody ?? row.rawBody) as { id?: unknown } | null)?.id;
  const order = typeof id === "number" || typeof id === "string" ? await findIntakeOrderForUpdate(tx, row.channel, `${prefix}${id}`) : null;
  if (!order) {
    return { result: await finishPayload(tx, row, { status: "ignored", reason: "unknown_order" }, now), events: [] };
  }
  const [latest] = await tx
    .select({ canonical: intakePayloads.canonical })
    .from(intakePayloads)
    .where(and(eq(intakePayloads.orderId, order.id), eq(intakePayloads.status, "accepted")))
    .orderBy(desc(intakePayloads.processedAt))
    .limit(1);
  if (!latest?.canonical) return { result: await finishPayload(tx, row, { status: "ignored", reason: "unknown_order" }, now), events: [] };
  const cancelled: StoredCanonical = {
    ...latest.canonical,
    status: "cancelled",
    notes: [...latest.canonical.notes, "order_deleted: order.deleted topic"],
  };
  return applyToExistingOrder(tx, row, cancelled, order, now);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
