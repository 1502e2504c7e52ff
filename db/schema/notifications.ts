import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { customers } from "./customers";

/** In-app notifications shown in the portal inbox. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    data: jsonb("data").$type<Record<string, unknown>>(),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("notifications_customer_idx").on(t.customerId, t.createdAt)],
);

/** In-app notifications for staff (admins), shown on the admin dashboard. */
export const adminNotifications = pgTable(
  "admin_notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    data: jsonb("data").$type<Record<string, unknown>>(),
    /** Makes a retried send harmless: one notification per (user, dedupe key). */
    dedupeKey: text("dedupe_key").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [unique("admin_notifications_once").on(t.userId, t.dedupeKey), index("admin_notifications_user_idx").on(t.userId, t.createdAt)],
);

/**
 * Transactional customer emails (a cancel's or an accepted save offer's confirmation) as an
 * outbox: the use-case inserts the rendered message in its own transaction, once per
 * `dedupe_key` (unique), and the sender mails it after commit, claim → send → record, with no
 * transaction open while SMTP talks (send-customer-emails.ts).
 */
export const customerEmails = pgTable(
  "customer_emails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /** One email per event, e.g. "subscription_cancelled:<subscription id>". */
    dedupeKey: text("dedupe_key").notNull(),
    to: text("to_address").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    unique("customer_emails_once").on(t.dedupeKey),
    index("customer_emails_unsent_idx")
      .on(t.createdAt)
      .where(sql`${t.sentAt} IS NULL`),
  ],
);
