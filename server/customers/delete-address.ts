import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { addresses } from "@/db/schema";
import { AppError } from "../errors/app-error";
import { auditAddress, lockAddressBook, lockOwnedAddress, promoteOldest, type AddressActor } from "./address-book";

/**
 * Deletes an address, refused (409, naming the subscriptions) while a live subscription ships
 * there — as its own address or for one upcoming delivery — so no future order loses where it
 * goes. The address row is locked first: a concurrent "ship to this address" takes KEY SHARE on
 * it for its foreign key, so it either committed before (and is seen here) or waits and then
 * fails its foreign key. Ended subscriptions and past deliveries let go of it (ON DELETE SET
 * NULL / CASCADE); their orders keep their own snapshot. Deleting the default makes the oldest
 * remaining address the default.
 */
export async function deleteAddress(
  db: Database,
  actor: AddressActor,
  id: string,
  now: Date,
): Promise<{ deleted: true; newDefaultId: string | null }> {
  return db.transaction(async (tx) => {
    await lockAddressBook(tx, actor.customerId);
    const row = await lockOwnedAddress(tx, actor.customerId, id);
    const users = await tx.execute<{ product: string; one_delivery: boolean }>(sql`
      SELECT p.name AS product, false AS one_delivery
      FROM subscriptions s JOIN products p ON p.id = s.product_id
      WHERE s.address_id = ${id} AND s.status IN ('active', 'paused')
      UNION ALL
      SELECT p.name, true
      FROM delivery_addresses d JOIN subscriptions s ON s.id = d.subscription_id JOIN products p ON p.id = s.product_id
      WHERE d.address_id = ${id} AND s.status IN ('active', 'paused') AND d.cycle_index >= s.next_cycle_index
      ORDER BY 1`);
    if (users.length > 0) throw new AppError("CONFLICT", inUseMessage(users));
    await tx.delete(addresses).where(eq(addresses.id, id));
    const newDefaultId = row.isDefault ? await promoteOldest(tx, actor.customerId, now) : null;
    await auditAddress(tx, actor, { addressId: id, action: "address_deleted", at: now, data: { wasDefault: row.isDefault, newDefaultId } });
    if (newDefaultId)
      await auditAddress(tx, actor, { addressId: newDefaultId, action: "address_default_set", at: now, data: { reason: "default_deleted" } });
    return { deleted: true as const, newDefaultId };
  });
}

function inUseMessage(users: readonly { product: string; one_delivery: boolean }[]): string {
  const own = [...new Set(users.filter((u) => !u.one_delivery).map((u) => u.product))];
  const once = [...new Set(users.filter((u) => u.one_delivery).map((u) => u.product))];
  const parts = [
    own.length > 0 ? `your ${list(own)} subscription${own.length > 1 ? "s" : ""} ship${own.length > 1 ? "" : "s"} to it` : null,
    once.length > 0 ? `an upcoming ${list(once)} delivery is sent to it` : null,
  ].filter(Boolean);
  return `This address can't be deleted: ${parts.join(" and ")}. Choose another address there first.`;
}

const list = (names: readonly string[]) => (names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]!}`);
