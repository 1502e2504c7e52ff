import "server-only";
import type { Database } from "@/db/client";
import { auditAddress, lockAddressBook, lockOwnedAddress, makeDefault, type AddressActor } from "./address-book";
import type { AddressDto } from "./address.schema";
import { getAddressOrThrow } from "./list-addresses";

/** Makes the address the customer's default (the old default stops being one). Already default: nothing changes. */
export async function setDefaultAddress(db: Database, actor: AddressActor, id: string, now: Date): Promise<AddressDto> {
  await db.transaction(async (tx) => {
    await lockAddressBook(tx, actor.customerId);
    const row = await lockOwnedAddress(tx, actor.customerId, id);
    if (row.isDefault) return;
    await makeDefault(tx, actor.customerId, id, now);
    await auditAddress(tx, actor, { addressId: id, action: "address_default_set", at: now });
  });
  return getAddressOrThrow(db, actor.customerId, id);
}
