import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { products, subscriptions } from "@/db/schema";
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

/** The customer's subscriptions, newest first. */
export async function listSubscriptions(db: DbOrTx, customerId: string): Promise<SubscriptionDto[]> {
  const rows = await db
    .select({ subscription: subscriptions, product: productColumns })
    .from(subscriptions)
    .innerJoin(products, eq(products.id, subscriptions.productId))
    .where(eq(subscriptions.customerId, customerId))
    .orderBy(desc(subscriptions.createdAt), desc(subscriptions.id));
  return rows.map((r) => toSubscriptionDto(r.subscription, r.product));
}

/** One of the customer's subscriptions; anyone else's (or an unknown id) is a 404. */
export async function getSubscriptionOrThrow(db: DbOrTx, customerId: string, id: string) {
  if (!isUuid(id)) throw notFound("Subscription");
  const [row] = await db
    .select({ subscription: subscriptions, product: productColumns })
    .from(subscriptions)
    .innerJoin(products, eq(products.id, subscriptions.productId))
    .where(and(eq(subscriptions.id, id), eq(subscriptions.customerId, customerId)));
  if (!row) throw notFound("Subscription");
  return { row: row.subscription, product: row.product, dto: toSubscriptionDto(row.subscription, row.product) };
}
