import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { customers, orderLines, orders } from "@/db/schema";
import { suggestFrequency, toLocalDate } from "../schedule";
import type { SuggestionDto } from "./subscription-dto.schema";

/**
 * Suggests a frequency from the customer's past one-off orders of this product (not
 * subscription orders: those follow a schedule already): median interval between order days
 * in the customer's zone, rounded to the nearest supported frequency (suggestFrequency).
 */
export async function suggestFrequencyFor(db: DbOrTx, customerId: string, productId: string): Promise<SuggestionDto> {
  const rows = await db
    .selectDistinct({ orderId: orders.id, createdAt: orders.createdAt, timeZone: customers.timeZone })
    .from(orders)
    .innerJoin(orderLines, eq(orderLines.orderId, orders.id))
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(
      and(
        eq(orders.customerId, customerId),
        eq(orderLines.productId, productId),
        isNull(orders.subscriptionId),
        inArray(orders.kind, ["one_off", "intake"]),
      ),
    )
    .limit(500);
  const dates = rows.map((r) => toLocalDate(r.createdAt, r.timeZone));
  return { frequency: suggestFrequency(dates), basedOnOrders: rows.length };
}
