import "server-only";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { addresses, orders } from "@/db/schema";
import { invalid } from "../errors/app-error";
import { isUuid } from "./subscription.schema";

/**
 * One of the customer's addresses, as a field error otherwise (another customer's id looks like
 * an unknown one). FOR KEY SHARE, the lock the foreign key would take anyway, taken up front:
 * a concurrent delete of the address waits for this transaction, then sees the reference and refuses.
 */
export async function ownedAddressOrThrow(tx: Transaction, customerId: string, addressId: string): Promise<{ id: string }> {
  if (!isUuid(addressId)) throw invalid({ addressId: "Choose one of your addresses" });
  const [address] = await tx
    .select({ id: addresses.id })
    .from(addresses)
    .where(and(eq(addresses.id, addressId), eq(addresses.customerId, customerId)))
    .for("key share");
  if (!address) throw invalid({ addressId: "Choose one of your addresses" });
  return address;
}

/** Whether the cycle's order exists (orders are unique on subscription + cycle). */
export async function cycleOrderExists(tx: Transaction, subscriptionId: string, cycleIndex: number): Promise<boolean> {
  const [order] = await tx
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.subscriptionId, subscriptionId), eq(orders.cycleIndex, cycleIndex)))
    .limit(1);
  return Boolean(order);
}
