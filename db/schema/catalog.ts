import { sql } from "drizzle-orm";
import { boolean, check, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** standard: a real item; phantom: never stocked, resolved to a substitute; program: a continuity parent. */
export const PRODUCT_KINDS = ["standard", "phantom", "program"] as const;
export const productKindEnum = pgEnum("product_kind", PRODUCT_KINDS);

export const products = pgTable("products", {
  id: uuid("id").primaryKey().defaultRandom(),
  sku: text("sku").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  category: text("category").notNull().default("general"),
  kind: productKindEnum("kind").notNull().default("standard"),
  /** Money is always integer minor units (cents). */
  priceMinor: integer("price_minor").notNull(),
  currency: text("currency").notNull().default("USD"),
  sellable: boolean("sellable").notNull().default(true),
  imageUrl: text("image_url"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Stock per product. `reserved` can never exceed `on_hand`: the database refuses an oversell
 * even if application code is wrong.
 */
export const inventory = pgTable(
  "inventory",
  {
    productId: uuid("product_id")
      .primaryKey()
      .references(() => products.id, { onDelete: "cascade" }),
    onHand: integer("on_hand").notNull().default(0),
    reserved: integer("reserved").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("inventory_reserved_range", sql`${t.reserved} >= 0 AND ${t.reserved} <= ${t.onHand}`)],
);
