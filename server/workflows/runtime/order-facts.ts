import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { OrderAddress } from "@/db/schema";
import type { OrderFacts } from "../model";

type FactsRow = {
  total_minor: number | string;
  currency: string;
  channel: string;
  shipping_address: OrderAddress | null;
  tier: string;
  categories: string[] | null;
  line_count: number;
  inventory_level: number | null;
};

/**
 * The facts guards read, derived from the order in one query (see docs/workflow-runtime.md):
 * - `addressValid`: the shipping address passed verification (`valid !== false`); an order
 *   without an address (digital goods) has nothing to verify and counts as valid.
 * - `inventoryLevel`: the lowest `on_hand - reserved` across the lines' products (0 without
 *   lines or stock rows).
 * - `isInternational`: shipping country differs from HOME_COUNTRY (false without an address).
 */
export async function orderFacts(db: DbOrTx, orderId: string, homeCountry: string): Promise<OrderFacts> {
  const facts = (await orderFactsMany(db, [orderId], homeCountry)).get(orderId);
  if (!facts) throw new Error(`order ${orderId} not found`);
  return facts;
}

/** orderFacts of many orders in one query; orders that do not exist are absent from the map. */
export async function orderFactsMany(db: DbOrTx, orderIds: readonly string[], homeCountry: string): Promise<Map<string, OrderFacts>> {
  const out = new Map<string, OrderFacts>();
  if (orderIds.length === 0) return out;
  const rows = await db.execute<FactsRow & { id: string }>(sql`
    SELECT o.id, o.total_minor, o.currency, o.channel, o.shipping_address, c.tier,
      (SELECT array_agg(p.category ORDER BY l.id) FROM order_lines l JOIN products p ON p.id = l.product_id
        WHERE l.order_id = o.id) AS categories,
      (SELECT count(*)::int FROM order_lines l WHERE l.order_id = o.id) AS line_count,
      (SELECT min(COALESCE(v.on_hand - v.reserved, 0))::int FROM order_lines l
        LEFT JOIN inventory v ON v.product_id = l.product_id WHERE l.order_id = o.id) AS inventory_level
    FROM orders o JOIN customers c ON c.id = o.customer_id
    WHERE o.id = ANY(${`{${orderIds.join(",")}}`}::uuid[])`);
  const home = homeCountry.toUpperCase();
  for (const row of rows) {
    const address = row.shipping_address;
    const country = address?.country?.toUpperCase() ?? "";
    out.set(row.id, {
      total: Number(row.total_minor),
      currency: row.currency,
      customerTier: row.tier,
      productCategory: row.categories ?? [],
      country,
      addressValid: address ? address.valid !== false : true,
      inventoryLevel: row.inventory_level ?? 0,
      channel: row.channel,
      lineCount: row.line_count,
      isInternational: country !== "" && country !== home,
    });
  }
  return out;
}
