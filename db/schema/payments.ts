import { sql } from "drizzle-orm";
import { bigint, bigserial, check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { customers } from "./customers";
import { orders } from "./orders";

/**
 * The payment method charged for a customer's orders (one per customer). `token` is what the
 * configured gateway understands: a test card number for the built-in test gateway, a
 * Stripe PaymentMethod id (`pm_…`, with `providerCustomerId` `cus_…`) for Stripe.
 */
export const paymentMethods = pgTable("payment_methods", {
  customerId: uuid("customer_id")
    .primaryKey()
    .references(() => customers.id, { onDelete: "cascade" }),
  gateway: text("gateway").notNull(),
  token: text("token").notNull(),
  brand: text("brand").notNull().default("card"),
  last4: text("last4").notNull(),
  providerCustomerId: text("provider_customer_id"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The order's money, at most one row per order, written claim → call → record
 * (server/payments/order-payment.ts): a claim commits the intent — an in-flight status and
 * `pending_key`, the idempotency key of the gateway call about to be made — then the call is
 * made outside any transaction, then its result is recorded under a guard on that key. A crash
 * in between leaves the claim, and the next try first replays `pending_key` at the gateway, so
 * a call whose answer was lost is never made twice. authorize_payment reuses an authorization,
 * so re-entering Processing after a restock never authorizes twice.
 */
export const PAYMENT_STATUSES = [
  "authorizing",
  "authorized",
  "failed",
  "capturing",
  "captured",
  "voiding",
  "voided",
  "refunding",
  "refunded",
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const payments = pgTable(
  "payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .unique()
      .references(() => orders.id, { onDelete: "cascade" }),
    gateway: text("gateway").notNull(),
    /** One of PAYMENT_STATUSES; `…ing` = a gateway call is in flight (or its answer was lost). */
    status: text("status").$type<PaymentStatus>().notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    /** The gateway's id for the authorization (test: `tg_…`, Stripe: the PaymentIntent `pi_…`); null until authorized. */
    ref: text("ref"),
    /** Idempotency key of the in-flight (or unanswered) gateway call; null when none. */
    pendingKey: text("pending_key"),
    /**
     * The claim's lease: until then only the same key may claim again (a duplicate delivery);
     * after it — or once an unanswered call released it — another try may take over, replaying
     * pending_key first. Longer than any gateway call's timeout.
     */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    authorizedAt: timestamp("authorized_at", { withTimezone: true }),
    capturedAt: timestamp("captured_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("payments_status_valid", sql`${t.status} IN (${sql.raw(PAYMENT_STATUSES.map((s) => `'${s}'`).join(", "))})`),
    // Past authorizing/failed there is always a gateway reference to capture, void or refund.
    check("payments_ref_present", sql`${t.ref} IS NOT NULL OR ${t.status} IN ('authorizing', 'failed')`),
  ],
);

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
  (t) => [
    index("test_gateway_operations_order_idx").on(t.orderId, t.kind),
    // Captures, voids and refunds look their authorization up by reference.
    index("test_gateway_operations_ref_idx").on(t.ref),
  ],
);
