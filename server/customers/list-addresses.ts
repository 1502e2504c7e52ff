import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notFound } from "../errors/app-error";
import type { AddressDto } from "./address.schema";

type Row = Omit<AddressDto, "usedBy"> & { usedBy: AddressDto["usedBy"] | null };

/**
 * The customer's address book, default first then oldest first, each with the live
 * subscriptions that ship there: as their own address, or one upcoming delivery sent there.
 * Ended subscriptions don't count (they ship nothing more). One statement.
 */
export async function listAddresses(db: DbOrTx, customerId: string, onlyId?: string): Promise<AddressDto[]> {
  const rows = await db.execute<Row & Record<string, unknown>>(sql`
    SELECT a.id, a.name, a.line1, a.line2, a.city, a.region, a.postal_code AS "postalCode", a.country,
           a.is_default AS "isDefault", a.valid,
           (SELECT jsonb_agg(u ORDER BY u."productName", u."cycleIndex" NULLS FIRST) FROM (
              SELECT s.id AS "subscriptionId", p.name AS "productName", NULL::int AS "cycleIndex"
              FROM subscriptions s JOIN products p ON p.id = s.product_id
              WHERE s.address_id = a.id AND s.status IN ('active', 'paused')
              UNION ALL
              SELECT s.id, p.name, d.cycle_index
              FROM delivery_addresses d JOIN subscriptions s ON s.id = d.subscription_id JOIN products p ON p.id = s.product_id
              WHERE d.address_id = a.id AND s.status IN ('active', 'paused') AND d.cycle_index >= s.next_cycle_index
           ) u) AS "usedBy"
    FROM addresses a
    WHERE a.customer_id = ${customerId} ${onlyId ? sql`AND a.id = ${onlyId}` : sql``}
    ORDER BY a.is_default DESC, a.created_at, a.id`);
  return rows.map((r) => ({ ...r, usedBy: r.usedBy ?? [] }));
}

/** One address of the customer's, as the list shows it. */
export async function getAddressOrThrow(db: DbOrTx, customerId: string, id: string): Promise<AddressDto> {
  const [address] = await listAddresses(db, customerId, id);
  if (!address) throw notFound("Address");
  return address;
}
