import "server-only";
import { and, asc, eq, gte } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { addresses, deliveryAddresses } from "@/db/schema";
import type { AddressSummaryDto } from "@/server/customers/address.schema";
import { addressSummaryColumns } from "./list-subscriptions";

/** One subscription's "this delivery only" addresses from `fromIndex` on, by cycle index (one query). */
export async function listDeliveryAddresses(db: DbOrTx, subscriptionId: string, fromIndex: number): Promise<Map<number, AddressSummaryDto>> {
  const rows = await db
    .select({ cycleIndex: deliveryAddresses.cycleIndex, address: addressSummaryColumns })
    .from(deliveryAddresses)
    .innerJoin(addresses, eq(addresses.id, deliveryAddresses.addressId))
    .where(and(eq(deliveryAddresses.subscriptionId, subscriptionId), gte(deliveryAddresses.cycleIndex, fromIndex)))
    .orderBy(asc(deliveryAddresses.cycleIndex));
  return new Map(rows.map((r) => [r.cycleIndex, r.address]));
}
