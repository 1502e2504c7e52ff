import "server-only";
import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { auditLog, customers } from "@/db/schema";
import { insertOrders } from "@/server/orders/insert-orders";
import type { StoredCanonical } from "./intake-status";
import type { ValidOrder } from "./validate-order";

/**
 * Inserts a validated canonical order as `orders` (kind intake) + `order_lines` + an audit row,
 * inside the caller's transaction, through server/orders' insertOrders. Idempotent by the unique (channel, external_id): a
 * concurrent copy that got there first makes this return null (ON CONFLICT DO NOTHING) and
 * create nothing. Line prices are the channel's (what the customer was charged), not the
 * catalog's; the line name is our product's (the channel's is kept in meta). Stock is not reserved here: the workflow's reserve_inventory action does that.
 */
export async function createIntakeOrder(
  tx: Transaction,
  order: StoredCanonical,
  valid: ValidOrder,
  ctx: { payloadId: string; now: Date },
): Promise<string | null> {
  const customerId = valid.customerId ?? (await createCustomer(tx, order));
  const [created] = await insertOrders(
    tx,
    [
      {
        customerId,
        kind: "intake",
        channel: order.channel,
        externalId: order.externalId,
        currency: order.currency,
        totals: order.totals,
        shippingAddress: order.shippingAddress
          ? { ...order.shippingAddress, line2: order.shippingAddress.line2 ?? null, region: order.shippingAddress.region ?? null }
          : null,
        flags: valid.flags,
        lines: order.lines.map((line, i) => ({
          productId: valid.lines[i]!.productId,
          sku: line.sku,
          name: valid.lines[i]!.productName,
          quantity: line.quantity,
          unitPriceMinor: line.unitPriceMinor,
          meta: {
            discountMinor: line.discountMinor,
            taxMinor: line.taxMinor,
            ...(line.name ? { channelName: line.name } : {}),
            ...(order.aliases?.some((a) => a.to === line.sku)
              ? { channelSkus: order.aliases.filter((a) => a.to === line.sku).map((a) => a.from) }
              : {}),
          },
        })),
        auditData: { payloadId: ctx.payloadId, externalId: order.externalId, channelStatus: order.status, flags: valid.flags, notes: order.notes },
      },
    ],
    ctx.now,
    {
      reserve: false,
      audit: { entity: "order", actorType: "channel", actorId: order.channel, action: "intake_accepted", toState: "created" },
    },
  );
  return created?.orderId ?? null;
}

/** Lenient customer mode: an unknown buyer becomes a customer (no login, time zone UTC). */
async function createCustomer(tx: Transaction, order: StoredCanonical): Promise<string> {
  const email = order.customer.email.toLowerCase();
  const name = [order.customer.firstName, order.customer.lastName].filter(Boolean).join(" ").trim() || email.split("@")[0]!;
  const [inserted] = await tx
    .insert(customers)
    .values({ email, name, timeZone: "UTC" })
    .onConflictDoNothing({ target: customers.email })
    .returning({ id: customers.id });
  if (inserted) {
    await tx.insert(auditLog).values({
      actorType: "channel",
      actorId: order.channel,
      entityType: "customer",
      entityId: inserted.id,
      action: "created_by_intake",
      data: { externalId: order.externalId },
    });
    return inserted.id;
  }
  // A concurrent intake created the same buyer first.
  const [existing] = await tx.select({ id: customers.id }).from(customers).where(eq(customers.email, email));
  return existing!.id;
}
