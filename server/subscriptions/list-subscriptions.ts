import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { addresses, products, subscriptions } from "@/db/schema";
import { notFound } from "../errors/app-error";
import type { SubscriptionDto } from "./subscription-dto.schema";
import { isUuid } from "./subscription.schema";
import { toSubscriptionDto } from "./to-subscription-dto";

const productColumns = {
  id: products.id,
  sku: products.sku,
  name: products.name,
  priceMinor: products.priceMinor,
  currency: products.currency,
};

/** The one-line address view (AddressSummary); a left join, so null when none is set. */
export const addressSummaryColumns = {
  id: addresses.id,
  name: addresses.name,
  line1: addresses.line1,
  city: addresses.city,
  postalCode: addresses.postalCode,
  country: addresses.country,
};

/** The customer's subscriptions, newest first. */
export async function listSubscriptions(db: DbOrTx, customerId: string): Promise<SubscriptionDto[]> {
  const rows = await db
    .select({ subscription: subscriptions, product: productColumns, address: addressSummaryColumns })
    .from(subscriptions)
    .innerJoin(products, eq(products.id, subscriptions.productId))
    .leftJoin(addresses, eq(addresses.id, subscriptions.addressId))
    .where(eq(subscriptions.customerId, customerId))
    .orderBy(desc(subscriptions.createdAt), desc(subscriptions.id));
  return rows.map((r) => toSubscriptionDto(r.subscription, r.product, r.address));
}

/** One of the customer's subscriptions; anyone else's (or an unknown id) is a 404. */
export async function getSubscriptionOrThrow(db: DbOrTx, customerId: string, id: string) {
  if (!isUuid(id)) throw notFound("Subscription");
  const [row] = await db
    .select({ subscription: subscriptions, product: productColumns, address: addressSummaryColumns })
    .from(subscriptions)
    .innerJoin(products, eq(products.id, subscriptions.productId))
    .leftJoin(addresses, eq(addresses.id, subscriptions.addressId))
    .where(and(eq(subscriptions.id, id), eq(subscriptions.customerId, customerId)));
  if (!row) throw notFound("Subscription");
  return { row: row.subscription, product: row.product, dto: toSubscriptionDto(row.subscription, row.product, row.address) };
}
