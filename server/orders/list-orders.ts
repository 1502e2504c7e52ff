import "server-only";
import { and, desc, eq, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { customers, orders } from "@/db/schema";

export type OrderListFilter = { customerId?: string; state?: string; limit?: number };

/** Recent orders, newest first. Customer-scoped callers must pass their customerId. */
export async function listOrders(db: DbOrTx, filter: OrderListFilter) {
  const where: SQL[] = [];
  if (filter.customerId) where.push(eq(orders.customerId, filter.customerId));
  if (filter.state) where.push(eq(orders.state, filter.state));
  return db
    .select({
      id: orders.id,
      number: orders.number,
      kind: orders.kind,
      state: orders.state,
      channel: orders.channel,
      totalMinor: orders.totalMinor,
      currency: orders.currency,
      flags: orders.flags,
      subscriptionId: orders.subscriptionId,
      cycleIndex: orders.cycleIndex,
      createdAt: orders.createdAt,
      customerName: customers.name,
    })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(orders.createdAt))
    .limit(Math.min(filter.limit ?? 50, 500));
}
