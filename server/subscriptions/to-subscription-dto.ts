import type { products, subscriptions } from "@/db/schema";
import type { AddressSummaryDto } from "@/server/customers/address.schema";
import { toLocalDate } from "../schedule";
import type { SubscriptionDto } from "./subscription-dto.schema";

type Row = typeof subscriptions.$inferSelect;
type ProductPart = Pick<typeof products.$inferSelect, "id" | "sku" | "name" | "priceMinor" | "currency">;

/** The API/portal view of a subscription row. `next` is the delivery that will produce an order. */
export function toSubscriptionDto(row: Row, product: ProductPart, address: AddressSummaryDto | null): SubscriptionDto {
  // The cursor never rests on a skipped cycle (skip advances it), so nextRunAt is the next delivery.
  const next =
    row.status === "active" && row.nextRunAt
      ? { cycleIndex: row.nextCycleIndex, localDate: toLocalDate(row.nextRunAt, row.timeZone), at: row.nextRunAt.toISOString() }
      : null;
  return {
    id: row.id,
    status: row.status,
    product: { id: product.id, sku: product.sku, name: product.name, priceMinor: product.priceMinor, currency: product.currency },
    quantity: row.quantity,
    frequency: row.frequency,
    anchorDate: row.anchorDate,
    localTime: row.localTime,
    timeZone: row.timeZone,
    end: { kind: row.endKind, cycles: row.endCycles, endDate: row.endDate },
    pausedUntil: row.pausedUntil,
    next,
    createdAt: row.createdAt.toISOString(),
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    cancelReason: row.cancelReason,
    discount:
      row.discountPercent !== null && row.discountOrdersLeft > 0 ? { percent: row.discountPercent, ordersLeft: row.discountOrdersLeft } : null,
    address,
  };
}
