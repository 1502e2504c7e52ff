import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx, Transaction } from "@/db/client";
import { addresses, auditLog, customers } from "@/db/schema";
import { AppError, invalid, notFound } from "../errors/app-error";
import { validateAddress, type AddressInput, type NormalizedAddress } from "./model";

/** Who edits an address book: a signed-in customer, only ever their own. */
export type AddressActor = { userId: string; customerId: string };
export type AddressRow = typeof addresses.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Serializes one customer's address-book changes (the "one default" rule reads then writes).
 * FOR NO KEY UPDATE, not FOR UPDATE: orders and subscriptions inserted for this customer
 * meanwhile only take KEY SHARE for their foreign key, so they are not held up.
 */
export async function lockAddressBook(tx: Transaction, customerId: string): Promise<void> {
  const [row] = await tx.select({ id: customers.id }).from(customers).where(eq(customers.id, customerId)).for("no key update");
  if (!row) throw new AppError("FORBIDDEN", "This account has no customer profile");
}

/** The customer's address, locked; anyone else's (or an unknown or malformed id) is a 404. */
export async function lockOwnedAddress(tx: Transaction, customerId: string, id: string): Promise<AddressRow> {
  if (!UUID.test(id)) throw notFound("Address");
  const [row] = await tx
    .select()
    .from(addresses)
    .where(and(eq(addresses.id, id), eq(addresses.customerId, customerId)))
    .for("update");
  if (!row) throw notFound("Address");
  return row;
}

/** The rule check again on the server (the route's schema ran it too): normalized, or a 422 naming each field. */
export function normalizeAddress(input: AddressInput): NormalizedAddress {
  const check = validateAddress(input);
  if (!check.ok) throw invalid(check.errors);
  return check.address;
}

/** Makes `id` the customer's only default: clear the old one first (unique index addresses_one_default). */
export async function makeDefault(tx: Transaction, customerId: string, id: string, now: Date): Promise<void> {
  await tx
    .update(addresses)
    .set({ isDefault: false, updatedAt: now })
    .where(and(eq(addresses.customerId, customerId), eq(addresses.isDefault, true), sql`${addresses.id} <> ${id}`));
  await tx.update(addresses).set({ isDefault: true, updatedAt: now }).where(eq(addresses.id, id));
}

/** The oldest address left, when the customer has no default (the default was deleted). */
export async function promoteOldest(tx: Transaction, customerId: string, now: Date): Promise<string | null> {
  const [oldest] = await tx
    .select({ id: addresses.id })
    .from(addresses)
    .where(eq(addresses.customerId, customerId))
    .orderBy(asc(addresses.createdAt), asc(addresses.id))
    .limit(1);
  if (!oldest) return null;
  await makeDefault(tx, customerId, oldest.id, now);
  return oldest.id;
}

export type AddressAuditAction = "address_added" | "address_updated" | "address_deleted" | "address_default_set";

/**
 * One audit row per change (entity_type 'address'). It names what changed, not the address
 * itself: the audit log is kept for years and an address is personal data.
 */
export async function auditAddress(
  tx: DbOrTx,
  actor: AddressActor,
  entry: { addressId: string; action: AddressAuditAction; at: Date; data?: Record<string, unknown> },
): Promise<void> {
  await tx.insert(auditLog).values({
    at: entry.at,
    actorType: "user",
    actorId: actor.userId,
    entityType: "address",
    entityId: entry.addressId,
    action: entry.action,
    data: { customerId: actor.customerId, ...entry.data },
  });
}
