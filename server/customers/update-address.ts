import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { addresses } from "@/db/schema";
import { auditAddress, lockAddressBook, lockOwnedAddress, makeDefault, normalizeAddress, type AddressActor } from "./address-book";
import type { AddressDto, AddressRequest } from "./address.schema";
import { getAddressOrThrow } from "./list-addresses";

const FIELDS = ["name", "line1", "line2", "city", "region", "postalCode", "country"] as const;

/**
 * Edits an address in place. Subscriptions that ship there get the new one from their next
 * order (an order keeps the snapshot it was created with). An edit is the customer's fix, so
 * the verification flag resets to valid. `isDefault: true` also makes it the default; the
 * default is never unset by an edit (another address is made default instead).
 */
export async function updateAddress(db: Database, actor: AddressActor, id: string, input: AddressRequest, now: Date): Promise<AddressDto> {
  const address = normalizeAddress(input);
  await db.transaction(async (tx) => {
    await lockAddressBook(tx, actor.customerId);
    const before = await lockOwnedAddress(tx, actor.customerId, id);
    const changed = FIELDS.filter((f) => before[f] !== address[f]);
    const becomesDefault = input.isDefault === true && !before.isDefault;
    if (changed.length === 0 && !becomesDefault) return;
    if (changed.length > 0) {
      await tx
        .update(addresses)
        .set({ ...address, valid: true, updatedAt: now })
        .where(eq(addresses.id, id));
      await auditAddress(tx, actor, { addressId: id, action: "address_updated", at: now, data: { changed } });
    }
    if (becomesDefault) {
      await makeDefault(tx, actor.customerId, id, now);
      await auditAddress(tx, actor, { addressId: id, action: "address_default_set", at: now });
    }
  });
  return getAddressOrThrow(db, actor.customerId, id);
}
