import { bigint, bigserial, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { customers } from "./customers";
import { orders } from "./orders";

/**
 * The payment method charged for a customer's orders (one per customer). `token` is what the
 * configured gateway understands: a test card number for the built-in test gateway, a
 * Stripe PaymentMethod id (`pm_…`, with `providerCustomerId` `cus_…`) for Stripe.
 */
export const paymentMethods = pgTable("payment_methods", {
  customerId: uuid("customer_id").primaryKey().references(() => customers.id, { onDelete: "cascade" }),
  gateway: text("gateway").notNull(),
  token: text("token").notNull(),
  brand: text("brand").notNull().default("card"),
  last4: text("last4").notNull(),
  providerCustomerId: text("provider_customer_id"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The live authorization of an order (at most one): authorize_payment reuses it, so
 * re-entering Processing after a restock never authorizes twice. Declined or failed tries
 * leave no row here (they are in order_action_attempts).
 */
export const payments = pgTable("payments", {
  id: uuid("id").primaryKey().defaultRandom(),
  orderId: uuid("order_id").notNull().unique().references(() => orders.id, { onDelete: "cascade" }),
  gateway: text("gateway").notNull(),
  /** authorized | captured | voided | refunded */
  status: text("status").notNull(),
  amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
  currency: text("currency").notNull(),
  /** The gateway's id for the authorization (test: `tg_…`, Stripe: the PaymentIntent `pi_…`). */
  ref: text("ref").notNull(),
  authorizedAt: timestamp("authorized_at", { withTimezone: true }).notNull().defaultNow(),
  capturedAt: timestamp("captured_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The built-in test gateway's own ledger. Keeping it in Postgres (not memory) is what makes
 * "fails transiently twice, then succeeds" hold across retries in different processes, and
 * replays an operation for a repeated idempotency key like a real gateway.
 */
export const testGatewayOperations = pgTable(
  "test_gateway_operations",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    kind: text("kind").notNull(), // authorize | capture | void | refund
    orderId: text("order_id").notNull(),
    card: text("card"),
    amountMinor: bigint("amount_minor", { mode: "number" }),
    currency: text("currency"),
    /** approved | declined | error */
    outcome: text("outcome").notNull(),
    code: text("code"),
    ref: text("ref"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("test_gateway_operations_order_idx").on(t.orderId, t.kind)],
);
