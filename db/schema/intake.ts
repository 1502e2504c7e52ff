import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { CHANNELS, INTAKE_ACTIONS, INTAKE_SOURCES, INTAKE_STATUSES } from "../vocabulary/intake";
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
    /** The store it belongs to (server/intake/connectors); null for posts to the legacy per-channel URL. */
    connectionId: uuid("connection_id").references((): AnyPgColumn => channelConnections.id),
    source: text("source", { enum: INTAKE_SOURCES }).notNull().default("webhook"),
    /** The channel's topic (X-Shopify-Topic, X-WC-Webhook-Topic, BigCommerce scope). */
    topic: text("topic"),
    /** The channel's delivery id (X-Shopify-Webhook-Id): a redelivery carries the same one. */
    deliveryId: text("delivery_id"),
    /** When the channel says the change happened (X-Shopify-Triggered-At), for stale deliveries. */
    triggeredAt: timestamp("triggered_at", { withTimezone: true }),
    /** Documents fetched from the store's API for a thin webhook (BigCommerce), kept as received. */
    fetched: jsonb("fetched").$type<JsonShape<"intakeFetched">>(),
    /** The order body assembled from `fetched`; processing parses it instead of the thin raw body. */
    fetchedBody: text("fetched_body"),
  },
  (t) => [
    index("intake_payloads_status_idx").on(t.status, t.receivedAt),
    index("intake_payloads_channel_idx").on(t.channel, t.status, t.reason),
    index("intake_payloads_external_idx").on(t.channel, t.externalId),
    index("intake_payloads_body_idx").on(t.channel, t.bodySha256),
    index("intake_payloads_order_idx").on(t.orderId),
    index("intake_payloads_delivery_idx").on(t.channel, t.deliveryId),
    index("intake_payloads_connection_idx").on(t.connectionId, t.source, t.receivedAt),
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

/**
 * A connected store (issue #14): one row per store, several per channel. Credentials and the
 * webhook secret are stored AES-256-GCM encrypted with CHANNEL_CREDENTIALS_KEY
 * (server/intake/connectors/credential-box.ts) and never returned by the API.
 */
export const channelConnections = pgTable(
  "channel_connections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    channel: intakeChannelEnum("channel").notNull(),
    /** Short store handle, unique per channel; prefixes the store's order ids ("eu:1001"). */
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    apiBaseUrl: text("api_base_url").notNull(),
    credentialsCiphertext: text("credentials_ciphertext").notNull(),
    webhookSecretCiphertext: text("webhook_secret_ciphertext"),
    enabled: boolean("enabled").notNull().default(true),
    reconcileEveryMinutes: integer("reconcile_every_minutes").notNull().default(15),
    /** Orders changed up to this instant have been pulled by reconciliation. */
    watermark: timestamp("watermark", { withTimezone: true }),
    /** Set while a reconciliation run holds the store (claim), cleared when it records. */
    reconcileClaimedAt: timestamp("reconcile_claimed_at", { withTimezone: true }),
    lastReconciledAt: timestamp("last_reconciled_at", { withTimezone: true }),
    lastReconcileError: text("last_reconcile_error"),
    reconcileFailures: integer("reconcile_failures").notNull().default(0),
    lastTestAt: timestamp("last_test_at", { withTimezone: true }),
    lastTestOk: boolean("last_test_ok"),
    lastTestMessage: text("last_test_message"),
    /** Amazon LWA access token (encrypted) and its expiry: refreshed when it has under a minute left. */
    accessTokenCiphertext: text("access_token_ciphertext"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    /** Health alert: claim → send → record (server/intake/connectors/alert-channel-health.ts). */
    alertKind: text("alert_kind"),
    alertClaimedAt: timestamp("alert_claimed_at", { withTimezone: true }),
    alertSentAt: timestamp("alert_sent_at", { withTimezone: true }),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [unique("channel_connections_channel_slug").on(t.channel, t.slug)],
);

/** Refunds a channel reported (Shopify refunds/create, WooCommerce refunds), one row per channel refund. */
export const intakeRefunds = pgTable(
  "intake_refunds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    channel: intakeChannelEnum("channel").notNull(),
    externalRefundId: text("external_refund_id").notNull(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    payloadId: uuid("payload_id")
      .notNull()
      .references(() => intakePayloads.id),
    currency: text("currency").notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    /** Refunded lines: [{ sku, quantity, amountMinor }] (empty for an amount-only refund). */
    lines: jsonb("lines").$type<JsonShape<"intakeRefundLines">>().notNull(),
    refundedAt: timestamp("refunded_at", { withTimezone: true }).notNull(),
  },
  (t) => [unique("intake_refunds_channel_external").on(t.channel, t.externalRefundId), index("intake_refunds_order_idx").on(t.orderId)],
);
