import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, index, integer, jsonb, pgEnum, pgTable, serial, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { CHANNELS, INTAKE_ACTIONS, INTAKE_STATUSES } from "../vocabulary/intake";
import type { JsonShape } from "../vocabulary/json-shapes";
import { orders } from "./orders";

export const intakeChannelEnum = pgEnum("intake_channel", CHANNELS);
export const intakeStatusEnum = pgEnum("intake_status", INTAKE_STATUSES);
export const intakeCheckModeEnum = pgEnum("intake_check_mode", ["strict", "lenient"]);
export const intakeTestOrdersEnum = pgEnum("intake_test_orders", ["ignore", "accept"]);

/**
 * Every request that reaches POST /api/intake/:channel, stored raw BEFORE it is processed, so
 * a crash, a bug or a validation failure never loses an order. `raw_body` is never changed;
 * an admin's fix goes to `corrected_body` and replays read that copy instead.
 * Status moves only by guarded UPDATEs (server/intake, docs/intake-governance.md).
 */
export const intakePayloads = pgTable(
  "intake_payloads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    channel: intakeChannelEnum("channel").notNull(),
    /** The channel's order id, known once the body parses; the idempotency key with `channel`. */
    externalId: text("external_id"),
    /** The request body as text, exactly as received (the HMAC covers these bytes). */
    rawBody: text("raw_body").notNull(),
    /** SHA-256 (hex) of the raw bytes: spots identical redeliveries of unparseable bodies. */
    bodySha256: text("body_sha256").notNull(),
    /** An admin's fixed copy of the body (dead letters only); replays parse this instead. */
    correctedBody: text("corrected_body"),
    correctedAt: timestamp("corrected_at", { withTimezone: true }),
    correctedBy: uuid("corrected_by"),
    /** Request headers minus credentials (authorization, cookie). */
    headers: jsonb("headers").$type<Record<string, string>>().notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    signatureValid: boolean("signature_valid").notNull(),
    status: intakeStatusEnum("status").notNull().default("received"),
    /** Primary reason code for rejected / dead-lettered / ignored payloads (first error's code). */
    reason: text("reason"),
    /** Every problem found: [{ path, message, code }]. */
    errors: jsonb("errors")
      .$type<JsonShape<"intakeIssues">>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** The canonical order after mapping rules, once the body parsed. */
    canonical: jsonb("canonical").$type<JsonShape<"intakeCanonical">>(),
    /** The channel's own status of the order (open|paid|fulfilled|cancelled) in this payload. */
    channelStatus: text("channel_status"),
    /** What accepting it did: created the order, advanced/cancelled it, or nothing (duplicate). */
    action: text("action", { enum: INTAKE_ACTIONS }),
    orderId: uuid("order_id").references(() => orders.id),
    /** For duplicates: the payload whose result was returned instead. */
    duplicateOf: uuid("duplicate_of").references((): AnyPgColumn => intakePayloads.id),
    /** For superseded dead letters: the newer copy of the same order that replaced it. */
    supersededBy: uuid("superseded_by").references((): AnyPgColumn => intakePayloads.id),
    /** Processing attempts (the synchronous one, Inngest retries, replays). */
    attempts: integer("attempts").notNull().default(0),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    /** Last transient failure, as a safe code (never a driver message). */
    lastError: text("last_error"),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    replayCount: integer("replay_count").notNull().default(0),
    replayedAt: timestamp("replayed_at", { withTimezone: true }),
  },
  (t) => [
    index("intake_payloads_status_idx").on(t.status, t.receivedAt),
    index("intake_payloads_channel_idx").on(t.channel, t.status, t.reason),
    index("intake_payloads_external_idx").on(t.channel, t.externalId),
    index("intake_payloads_body_idx").on(t.channel, t.bodySha256),
    index("intake_payloads_order_idx").on(t.orderId),
  ],
);

/**
 * Mapping rule: on `channel`, SKU `from_sku` means our product `to_sku`. Applied before
 * validation to every new and replayed payload; one alias per (channel, from).
 */
export const intakeSkuAliases = pgTable(
  "intake_sku_aliases",
  {
    id: serial("id").primaryKey(),
    channel: intakeChannelEnum("channel").notNull(),
    fromSku: text("from_sku").notNull(),
    toSku: text("to_sku").notNull(),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("intake_sku_aliases_channel_from").on(t.channel, t.fromSku)],
);

/**
 * Per-channel validation tuning. No row = the defaults in server/intake/channel-settings.ts
 * (api strict on totals, the platforms lenient).
 */
export const intakeChannelSettings = pgTable("intake_channel_settings", {
  channel: intakeChannelEnum("channel").primaryKey(),
  /** strict: totals that don't add up dead-letter the order; lenient: accepted and flagged. */
  totalsMode: intakeCheckModeEnum("totals_mode").notNull(),
  /** strict: the customer must already exist; lenient: created from the order's email. */
  customerMode: intakeCheckModeEnum("customer_mode").notNull(),
  testOrders: intakeTestOrdersEnum("test_orders").notNull(),
  updatedBy: uuid("updated_by"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
