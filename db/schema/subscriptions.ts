import { sql } from "drizzle-orm";
import { check, date, index, integer, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { FREQUENCIES } from "../vocabulary/frequencies";
import { EMAIL_ACTIONS } from "../vocabulary/email-actions";
import { CYCLE_OVERRIDE_KINDS, END_KINDS, SUBSCRIPTION_STATUSES } from "../vocabulary/subscription-status";
import { products } from "./catalog";
import { addresses, customers } from "./customers";

export const frequencyEnum = pgEnum("frequency", FREQUENCIES);
export const subscriptionStatusEnum = pgEnum("subscription_status", SUBSCRIPTION_STATUSES);
export const endKindEnum = pgEnum("end_kind", END_KINDS);
export const cycleOverrideKindEnum = pgEnum("cycle_override_kind", CYCLE_OVERRIDE_KINDS);

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
    addressId: uuid("address_id").references(() => addresses.id),
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
  },
  (t) => [
    // The generator's claim query: active subscriptions whose next run is due.
    index("subscriptions_due_idx")
      .on(t.nextRunAt)
      .where(sql`${t.status} = 'active'`),
    index("subscriptions_customer_idx").on(t.customerId),
    check("subscriptions_quantity_positive", sql`${t.quantity} > 0`),
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
