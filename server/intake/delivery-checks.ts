import "server-only";
import { and, desc, eq, gt, inArray, ne } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { channelConnections, intakePayloads } from "@/db/schema";

type PayloadRow = typeof intakePayloads.$inferSelect;

/**
 * Dedupe on the channel's delivery id (X-Shopify-Webhook-Id, X-WC-Webhook-Delivery-Id, the
 * BigCommerce hash) as well as the body hash: Shopify re-sends the same delivery with the same
 * id, sometimes with a re-serialised body. The earlier copy's outcome is the answer.
 */
export async function findEarlierDelivery(tx: Transaction, row: PayloadRow) {
  if (!row.deliveryId) return null;
  const [earlier] = await tx
    .select()
    .from(intakePayloads)
    .where(
      and(
        eq(intakePayloads.channel, row.channel),
        eq(intakePayloads.deliveryId, row.deliveryId),
        ne(intakePayloads.id, row.id),
        inArray(intakePayloads.status, ["accepted", "duplicate", "ignored", "rejected"]),
      ),
    )
    .orderBy(intakePayloads.processedAt)
    .limit(1);
  return earlier ?? null;
}

/**
 * Stale delivery: the channel says this change happened (X-Shopify-Triggered-At) before a
 * change already applied to the order. Shopify does not deliver in order, so an older
 * `orders/updated` arriving late must not overwrite a newer one.
 */
export async function newerAppliedDelivery(tx: Transaction, row: PayloadRow, orderId: string): Promise<{ id: string; triggeredAt: Date } | null> {
  if (!row.triggeredAt) return null;
  const [newer] = await tx
    .select({ id: intakePayloads.id, triggeredAt: intakePayloads.triggeredAt })
    .from(intakePayloads)
    .where(and(eq(intakePayloads.orderId, orderId), eq(intakePayloads.status, "accepted"), gt(intakePayloads.triggeredAt, row.triggeredAt)))
    .orderBy(desc(intakePayloads.triggeredAt))
    .limit(1);
  return newer?.triggeredAt ? { id: newer.id, triggeredAt: newer.triggeredAt } : null;
}

/** A connected store's order ids are prefixed with its handle ("eu:1001"): two stores may both have order 1001. */
export async function storeOrderPrefix(tx: Transaction, row: PayloadRow): Promise<string> {
  if (!row.connectionId) return "";
  const [c] = await tx.select({ slug: channelConnections.slug }).from(channelConnections).where(eq(channelConnections.id, row.connectionId));
  return c ? `${c.slug}:` : "";
}
