import "server-only";
import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { orderLines, orders } from "@/db/schema";
import { notFound } from "@/server/errors/app-error";
import type { OrderDto } from "@/server/subscriptions/subscription-dto.schema";
import { isUuid } from "@/server/subscriptions/subscription.schema";

export type CustomerOrderFilter = { subscriptionId?: string; orderId?: string; limit?: number };

/** The customer's orders (newest first) with their lines. Always scoped to `customerId`. */
export async function listCustomerOrders(db: DbOrTx, customerId: string, filter: CustomerOrderFilter = {}): Promise<OrderDto[]> {
  const where: SQL[] = [eq(orders.customerId, customerId)];
  if (filter.subscriptionId) where.push(eq(orders.subscriptionId, filter.subscriptionId));
  if (filter.orderId) where.push(eq(orders.id, filter.orderId));
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      kind: orders.kind,
      state: orders.state,
      subscriptionId: orders.subscriptionId,
      cycleIndex: orders.cycleIndex,
      currency: orders.currency,
      totalMinor: orders.totalMinor,
      flags: orders.flags,
      scheduledFor: orders.scheduledFor,
      createdAt: orders.createdAt,
    })
    .from(orders)
    .where(and(...where))
    .orderBy(desc(orders.createdAt), desc(orders.number))
    .limit(Math.min(filter.limit ?? 100, 500));
  if (rows.length === 0) return [];

  const lines = await db
    .select({
      orderId: orderLines.orderId,
      sku: orderLines.sku,
      name: orderLines.name,
      quantity: orderLines.quantity,
      unitPriceMinor: orderLines.unitPriceMinor,
      reservedQuantity: orderLines.reservedQuantity,
    })
    .from(orderLines)
    .where(
      inArray(
        orderLines.orderId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(orderLines.sku));
  // Not Map.groupBy: Node 20 (our floor) doesn't have it.
  const byOrder = new Map<string, typeof lines>();
  for (const line of lines) byOrder.set(line.orderId, [...(byOrder.get(line.orderId) ?? []), line]);

  return rows.map((r) => ({
    ...r,
    scheduledFor: r.scheduledFor?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    lines: (byOrder.get(r.id) ?? []).map(({ orderId: _orderId, ...line }) => line),
  }));
}

export async function getCustomerOrderOrThrow(db: DbOrTx, customerId: string, orderId: string): Promise<OrderDto> {
  if (!isUuid(orderId)) throw notFound("Order");
  const [order] = await listCustomerOrders(db, customerId, { orderId, limit: 1 });
  if (!order) throw notFound("Order");
  return order;
}
