import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { FREQUENCIES } from "../vocabulary/frequencies";
import { EMAIL_ACTIONS } from "../vocabulary/email-actions";
import { CANCEL_REASONS, SAVE_OFFER_KINDS } from "../vocabulary/save-offers";
import { CYCLE_OVERRIDE_KINDS, END_KINDS, SUBSCRIPTION_STATUSES } from "../vocabulary/subscription-status";
import { products } from "./catalog";
import { addresses, customers } from "./customers";

export const frequencyEnum = pgEnum("frequency", FREQUENCIES);
export const subscriptionStatusEnum = pgEnum("subscription_status", SUBSCRIPTION_STATUSES);
export const endKindEnum = pgEnum("end_kind", END_KINDS);
export const cycleOverrideKindEnum = pgEnum("cycle_override_kind", CYCLE_OVERRIDE_KINDS);
export const cancelReasonEnum = pgEnum("cancel_reason", CANCEL_REASONS);
export const saveOfferKindEnum = pgEnum("save_offer_kind", SAVE_OFFER_KINDS);

export const subscriptions = pgTable(
  "subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    /** Where every delivery ships (this and all future); a delivery-address row overrides one cycle. */
    addressId: uuid("address_id").references(() => addresses.id, { onDelete: "set null" }),
    quantity: integer("quantity").notNull(),
    frequency: frequencyEnum("frequency").notNull(),
    /** Local date of cycle 0. Occurrence N is computed from it (anchor-clamp), never chained. */
    anchorDate: date("anchor_date", { mode: "string" }).notNull(),
    /** Cycle index the anchor corresponds to; a frequency change re-anchors at a later index. */
    anchorIndex: integer("anchor_index").notNull().default(0),
    localTime: text("local_time").notNull().default("09:00"),
    timeZone: text("time_zone").notNull(),
    endKind: endKindEnum("end_kind").notNull().default("until_cancelled"),
    endCycles: integer("end_cycles"),
    endDate: date("end_date", { mode: "string" }),
    status: subscriptionStatusEnum("status").notNull().default("active"),
    pausedUntil: date("paused_until", { mode: "string" }),
    /** The next cycle to generate and the instant it is due. Null when nothing is due (ended). */
    nextCycleIndex: integer("next_cycle_index").notNull().default(0),
    nextRunAt: timestamp("next_run_at", { withTimezone: true }),
    /** Consecutive generation failures; a threshold auto-pauses the subscription. */
    failureCount: integer("failure_count").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /** Why it was cancelled (the dialog's reason; null = none given) and the customer's own words. */
    cancelReason: cancelReasonEnum("cancel_reason"),
    cancelNote: text("cancel_note"),
    /**
     * An accepted save offer's percentage off the next `discount_orders_left` generated orders;
     * generation applies it and counts it down (consume-discounts.ts). Both set or both cleared.
     */
    discountPercent: integer("discount_percent"),
    discountOrdersLeft: integer("discount_orders_left").notNull().default(0),
  },
  (t) => [
    // The generator's claim query: active subscriptions whose next run is due.
    index("subscriptions_due_idx")
      .on(t.nextRunAt)
      .where(sql`${t.status} = 'active'`),
    index("subscriptions_customer_idx").on(t.customerId),
    // Deleting an address finds (and un-sets, ON DELETE SET NULL) the subscriptions naming it.
    index("subscriptions_address_idx").on(t.addressId),
    check("subscriptions_quantity_positive", sql`${t.quantity} > 0`),
    check(
      "subscriptions_discount_coherent",
      sql`(${t.discountOrdersLeft} = 0 AND ${t.discountPercent} IS NULL)
       OR (${t.discountOrdersLeft} > 0 AND ${t.discountPercent} BETWEEN 1 AND 90)`,
    ),
    check(
      "subscriptions_end_coherent",
      sql`(${t.endKind} = 'until_cancelled' AND ${t.endCycles} IS NULL AND ${t.endDate} IS NULL)
       OR (${t.endKind} = 'after_cycles' AND ${t.endCycles} > 0 AND ${t.endDate} IS NULL)
       OR (${t.endKind} = 'on_date' AND ${t.endDate} IS NOT NULL AND ${t.endCycles} IS NULL)`,
    ),
  ],
);

/** One exception per cycle: skipped, opted out (series) or moved to another local date. */
export const cycleOverrides = pgTable(
  "cycle_overrides",
  {
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => subscriptions.id, { onDelete: "cascade" }),
    cycleIndex: integer("cycle_index").notNull(),
    kind: cycleOverrideKindEnum("kind").notNull(),
    /** For reschedule: the new local date of this one occurrence. */
    localDate: date("local_date", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("cycle_overrides_pk").on(t.subscriptionId, t.cycleIndex)],
);

/**
 * "Send this one delivery to another address" (a gift): one cycle of a subscription ships to
 * `address_id` instead of the subscription's own address. Keyed by occurrence like
 * cycle_overrides, but its own table: a cycle may be both moved and sent elsewhere. Generation
 * reads the rows of the batch's cycles in one query; once the cycle's order exists the row is
 * history (the order holds its own address snapshot) and can no longer change.
 * Deleting an address a pending row names is refused by server/customers; rows of past cycles
 * go with the address (cascade).
 */
export const deliveryAddresses = pgTable(
  "delivery_addresses",
  {
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => subscriptions.id, { onDelete: "cascade" }),
    cycleIndex: integer("cycle_index").notNull(),
    addressId: uuid("address_id")
      .notNull()
      .references(() => addresses.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: "delivery_addresses_pk", columns: [t.subscriptionId, t.cycleIndex] }),
    // Deleting an address looks up the rows that still name it.
    index("delivery_addresses_address_idx").on(t.addressId),
  ],
);

/** A reminder row is inserted once per cycle (unique key); sentAt is set after the email left. */
export const reminders = pgTable(
  "reminders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => subscriptions.id, { onDelete: "cascade" }),
    cycleIndex: integer("cycle_index").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    emailSentAt: timestamp("email_sent_at", { withTimezone: true }),
    /** A sender claimed the email (claim → send → record); a claim older than a few minutes is stale. */
    emailClaimedAt: timestamp("email_claimed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("reminders_once").on(t.subscriptionId, t.cycleIndex),
    // The email sender's queue: unsent reminders by due time (sent ones drop out of the index).
    index("reminders_unsent_idx")
      .on(t.dueAt)
      .where(sql`${t.emailSentAt} IS NULL`),
  ],
);

/**
 * One-click links in a reminder email are single-use per email: the first link used claims the
 * reminder's row here (primary key), the action runs outside any transaction, and the outcome is
 * recorded under a guard (claim → call → record). A claim never completed (the app died
 * mid-action) can be taken over by the same link after a few minutes; every action is idempotent.
 */
export const emailActionUses = pgTable(
  "email_action_uses",
  {
    reminderId: uuid("reminder_id")
      .primaryKey()
      .references(() => reminders.id, { onDelete: "cascade" }),
    action: text("action", { enum: EMAIL_ACTIONS }).notNull(),
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    /** What the customer is told on the confirmation page, e.g. the new delivery date or the order id. */
    outcome: text("outcome"),
  },
  (t) => [check("email_action_uses_action", sql`${t.action} IN ('skip', 'delay_week', 'order_now')`)],
);

/**
 * The save offer a merchandiser configured for one cancel reason (at most one per reason). The
 * kind's own columns are set and the others null (CHECK save_offers_kind_columns): pause →
 * pause_months 1–3, change_frequency → frequency, discount → discount_percent 1–90 and
 * discount_orders 1–12.
 */
export const saveOffers = pgTable(
  "save_offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reason: cancelReasonEnum("reason").notNull(),
    kind: saveOfferKindEnum("kind").notNull(),
    pauseMonths: integer("pause_months"),
    frequency: frequencyEnum("frequency"),
    discountPercent: integer("discount_percent"),
    discountOrders: integer("discount_orders"),
    /** The merchandiser's line shown above the offer, e.g. "Too much? Take a month off." */
    message: text("message").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("save_offers_reason_once").on(t.reason),
    check(
      "save_offers_kind_columns",
      sql`(${t.kind} = 'skip_next' AND ${t.pauseMonths} IS NULL AND ${t.frequency} IS NULL AND ${t.discountPercent} IS NULL AND ${t.discountOrders} IS NULL)
       OR (${t.kind} = 'pause' AND ${t.pauseMonths} BETWEEN 1 AND 3 AND ${t.frequency} IS NULL AND ${t.discountPercent} IS NULL AND ${t.discountOrders} IS NULL)
       OR (${t.kind} = 'change_frequency' AND ${t.frequency} IS NOT NULL AND ${t.pauseMonths} IS NULL AND ${t.discountPercent} IS NULL AND ${t.discountOrders} IS NULL)
       OR (${t.kind} = 'discount' AND ${t.discountPercent} BETWEEN 1 AND 90 AND ${t.discountOrders} BETWEEN 1 AND 12 AND ${t.pauseMonths} IS NULL AND ${t.frequency} IS NULL)`,
    ),
    check("save_offers_message_length", sql`char_length(${t.message}) BETWEEN 1 AND 200`),
  ],
);

/**
 * A subscription takes each save offer at most once (primary key): a double click or a retried
 * request never skips twice or stacks a discount, and an offer already taken is not offered again.
 * `terms` is what was accepted, as the offer read then (the merchandiser may edit it later).
 */
export const saveOfferAcceptances = pgTable(
  "save_offer_acceptances",
  {
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => subscriptions.id, { onDelete: "cascade" }),
    offerId: uuid("offer_id")
      .notNull()
      .references(() => saveOffers.id, { onDelete: "cascade" }),
    reason: cancelReasonEnum("reason").notNull(),
    terms: jsonb("terms").$type<Record<string, unknown>>().notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: "save_offer_acceptances_pk", columns: [t.subscriptionId, t.offerId] })],
);

/**
 * The merchandiser's allowed swaps, one direction per row: a subscription of `from` may switch
 * to `to` (from its next delivery on, or for one delivery). A table rather than a column on
 * products because each product allows a list, and the list is edited on its own staff page.
 */
export const productSwaps = pgTable(
  "product_swaps",
  {
    fromProductId: uuid("from_product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    toProductId: uuid("to_product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: "product_swaps_pk", columns: [t.fromProductId, t.toProductId] }),
    check("product_swaps_not_self", sql`${t.fromProductId} <> ${t.toProductId}`),
  ],
);

/**
 * "This delivery only" product of one cycle, keyed by occurrence like cycle_overrides. Its own
 * table because cycle_overrides holds ONE kind per cycle, and a delivery may be both moved and
 * swapped. Generation ships `product_id` instead of the subscription's for that cycle only,
 * priced from the catalog at generation.
 */
export const cycleSwaps = pgTable(
  "cycle_swaps",
  {
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => subscriptions.id, { onDelete: "cascade" }),
    cycleIndex: integer("cycle_index").notNull(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: "cycle_swaps_pk", columns: [t.subscriptionId, t.cycleIndex] })],
);

/**
 * One-time add-ons: an extra line (product × quantity) on ONE cycle's order, keyed by
 * occurrence, so it ships and is charged with that order and is never repeated. At most one row
 * per product per cycle (adding it again sets the quantity). Locked once the cursor passed the cycle.
 */
export const cycleAddons = pgTable(
  "cycle_addons",
  {
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => subscriptions.id, { onDelete: "cascade" }),
    cycleIndex: integer("cycle_index").notNull(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    quantity: integer("quantity").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: "cycle_addons_pk", columns: [t.subscriptionId, t.cycleIndex, t.productId] }),
    check("cycle_addons_quantity_range", sql`${t.quantity} BETWEEN 1 AND 99`),
  ],
);
