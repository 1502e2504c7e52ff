import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgEnum, pgTable, serial, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { ORDER_KINDS } from "../vocabulary/order-kinds";
import { products } from "./catalog";
import { customers } from "./customers";
import { subscriptions } from "./subscriptions";

export const orderKindEnum = pgEnum("order_kind", ORDER_KINDS);

export type OrderAddress = {
  name: string;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode: string;
  country: string;
  valid?: boolean;
};

export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Human-friendly number shown to customers and staff. */
    number: serial("number").notNull().unique(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    kind: orderKindEnum("kind").notNull(),
    subscriptionId: uuid("subscription_id").references(() => subscriptions.id),
    cycleIndex: integer("cycle_index"),
    channel: text("channel").notNull().default("replen"),
    externalId: text("external_id"),
    /** Current workflow state id; changed only by guarded UPDATEs in server/workflows. */
    state: text("state").notNull().default("created"),
    workflowVersionId: integer("workflow_version_id"),
    /**
     * Bumped by every workflow transition. Transitions are guarded on it (WHERE state = :from
     * AND transition_seq = :seq), so a duplicate or stale delivery can never move an order twice.
     */
    transitionSeq: integer("transition_seq").notNull().default(0),
    currency: text("currency").notNull(),
    subtotalMinor: bigint("subtotal_minor", { mode: "number" }).notNull(),
    discountMinor: bigint("discount_minor", { mode: "number" }).notNull().default(0),
    taxMinor: bigint("tax_minor", { mode: "number" }).notNull().default(0),
    shippingMinor: bigint("shipping_minor", { mode: "number" }).notNull().default(0),
    totalMinor: bigint("total_minor", { mode: "number" }).notNull(),
    shippingAddress: jsonb("shipping_address").$type<OrderAddress | null>(),
    /** e.g. "backordered": set by generation when a line could not be fully reserved. */
    flags: text("flags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    scheduledFor: timestamp("scheduled_for", { withTimezone: true }),
    stateEnteredAt: timestamp("state_entered_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Structural idempotency: a cycle can produce at most one order, whoever runs generation.
    unique("orders_subscription_cycle").on(t.subscriptionId, t.cycleIndex),
    unique("orders_channel_external").on(t.channel, t.externalId),
    index("orders_customer_idx").on(t.customerId, t.createdAt),
    // Workflow queries (sweeper, review queue, in-flight counts) read orders by state and age; a
    // lookup by state alone uses this index's prefix (a separate (state) index only cost writes).
    index("orders_state_entered_idx").on(t.state, t.stateEnteredAt),
    // The live overlay counts orders per (version, state) and their age in it (SLA) from this index alone.
    index("orders_version_state_idx").on(t.workflowVersionId, t.state, t.stateEnteredAt),
    check("orders_cycle_pair", sql`(${t.subscriptionId} IS NULL) = (${t.cycleIndex} IS NULL) OR ${t.kind} = 'order_now'`),
  ],
);

export const orderLines = pgTable(
  "order_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    sku: text("sku").notNull(),
    name: text("name").notNull(),
    quantity: integer("quantity").notNull(),
    unitPriceMinor: bigint("unit_price_minor", { mode: "number" }).notNull(),
    /** How much of `quantity` holds stock; the rest is backordered (documented rule in generation). */
    reservedQuantity: integer("reserved_quantity").notNull().default(0),
    meta: jsonb("meta").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("order_lines_order_idx").on(t.orderId),
    check("order_lines_quantity_positive", sql`${t.quantity} > 0`),
    check("order_lines_reserved_range", sql`${t.reservedQuantity} >= 0 AND ${t.reservedQuantity} <= ${t.quantity}`),
  ],
);
