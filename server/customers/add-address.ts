import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { addresses } from "@/db/schema";
import { auditAddress, lockAddressBook, makeDefault, normalizeAddress, type AddressActor } from "./address-book";
import type { AddressDto, AddressRequest } from "./address.schema";
import { getAddressOrThrow } from "./list-addresses";

/**
 * Adds an address to the customer's book. The first one becomes the default (sign-up creates
 * none, and orders fall back to the default); a later one only when asked.
 */
export async function addAddress(db: Database, actor: AddressActor, input: AddressRequest, now: Date): Promise<AddressDto> {
  const address = normalizeAddress(input);
  const id = await db.transaction(async (tx) => {
    await lockAddressBook(tx, actor.customerId);
    const [current] = await tx
      .select({ id: addresses.id })
      .from(addresses)
      .where(and(eq(addresses.customerId, actor.customerId), eq(addresses.isDefault, true)));
    const isDefault = input.isDefault === true || !current;
    const [row] = await tx
      .insert(addresses)
      .values({ ...address, customerId: actor.customerId, isDefault: false, createdAt: now, updatedAt: now })
      .returning({ id: addresses.id });
    if (isDefault) await makeDefault(tx, actor.customerId, row!.id, now);
    await auditAddress(tx, actor, { addressId: row!.id, action: "address_added", at: now, data: { country: address.country, isDefault } });
    return row!.id;
  });
  return getAddressOrThrow(db, actor.customerId, id);
}
