/**
 * Contract of the order intake webhook (app/api/intake/[channel]). The `api` channel's body is
 * `apiOrderSchema`, the zod schema its adapter parses with; the answers are built by
 * intake-response.ts (intake-response.test.ts checks them against these schemas).
 */
import { z } from "zod";
import { defineRoute, intIdPath, uuidPath } from "../http/route-contract";
import { apiOrderSchema, canonicalOrderSchema, CHANNELS, channelSchema } from "./adapters/canonical-order";
import { connectionViewSchema, createConnectionBodySchema, reconcileResultSchema, testConnectionResponseSchema } from "./channel-connections.schema";
import { channelHealthResponseSchema } from "./channel-health.schema";
import { channelSettingsSchema } from "./channel-settings";
import {
  channelSettingsPatchSchema,
  correctBodySchema,
  listPayloadsQuerySchema,
  productsQuerySchema,
  replayBodySchema,
  skuAliasBodySchema,
} from "./intake-admin.schema";
import { requestSchemas, responseSchemas } from "../http/named-schemas";
import { INTAKE_ACTIONS, INTAKE_REASONS, INTAKE_SOURCES, INTAKE_STATUSES, type IntakeStatus } from "./intake-status";

const uuid = z.string().meta({ format: "uuid" });
const ANSWERED_STATUSES = ["received", "accepted", "ignored", "rejected", "superseded"] as const satisfies readonly IntakeStatus[];

requestSchemas.add(apiOrderSchema, { id: "ApiOrder" });

export const intakeIssueSchema = z.object({
  path: z.string().meta({ description: 'Canonical path, e.g. lines[0].sku; "" is the body' }),
  message: z.string(),
  code: z.enum(INTAKE_REASONS),
});

export const intakeResultSchema = z
  .object({
    payloadId: uuid.meta({ description: "The stored payload (for a replay: the original one)" }),
    // A replay answers with its original status; dead letters have their own body (below).
    status: z.enum(ANSWERED_STATUSES),
    orderId: uuid.optional(),
    action: z.enum(INTAKE_ACTIONS).optional(),
    reason: z.enum(INTAKE_REASONS).optional(),
    duplicatePayloadId: uuid.optional().meta({ description: "On a replay: the id this request was stored under" }),
  })
  .register(responseSchemas, { id: "IntakeResult" });

export const intakeDeadLetterSchema = z
  .object({
    payloadId: uuid,
    deadLetter: z.literal(true),
    error: z.object({
      code: z.enum(["VALIDATION", "BAD_REQUEST"]),
      message: z.string(),
      fields: z.record(z.string(), z.string()),
      reasons: z.array(intakeIssueSchema),
    }),
  })
  .register(responseSchemas, { id: "IntakeDeadLetter" });

/** A refusal that still stored the payload (bad signature, body too large): the error and the payload's id. */
export const intakeRefusalSchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string() }),
    payloadId: uuid,
  })
  .register(responseSchemas, { id: "IntakeRefusal" });

/**
 * A connected store's BigCommerce thin webhook whose order could not be fetched from the store's
 * API: stored and dead-lettered, but answered 200, as the webhook itself was fine (a non-2xx
 * would only make the store retry and disable it). Replay or reconciliation fetches it again.
 */
export const intakeFetchFailedSchema = z
  .object({
    payloadId: uuid,
    status: z.literal("dead_lettered"),
    reason: z.literal("fetch_failed"),
    reasons: z.array(intakeIssueSchema),
  })
  .register(responseSchemas, { id: "IntakeFetchFailed" });

const signatureHeader = (name: string, channels: string, secret = "the channel's secret") => ({
  name,
  description: `Base64 HMAC-SHA256 of the exact request body with ${secret} (${channels})`,
});

/** Answers beyond the success one, shared by the channel webhook and a connected store's webhook. */
const intakeRefusals = {
  400: { description: "The body is not valid JSON (stored and dead-lettered)", body: intakeDeadLetterSchema },
  401: { description: "Missing or invalid signature (stored as rejected)", body: intakeRefusalSchema },
  413: { description: "Body larger than 2 MiB", body: intakeRefusalSchema },
  422: { description: "The order failed validation; it is in the dead-letter queue with every reason", body: intakeDeadLetterSchema },
};

export const intakeRoutes = {
  receive: defineRoute({
    method: "POST",
    path: "/api/intake/{channel}",
    summary: "Submit an order (channel webhooks and the canonical `api` order)",
    description:
      "Stored raw before processing; idempotent by (channel, externalId): a repeat returns the original result with " +
      "`Idempotent-Replayed: true`. Orders failing validation are kept in a dead-letter queue for an admin to fix and replay. " +
      "For `channel=api` the body is `ApiOrder`; the platforms send their own webhook payloads. See docs/intake-governance.md. " +
      "201: created and entered its workflow; 200: a replay, a status update, or a payload ignored/refused on purpose; " +
      "202: stored, processing failed transiently and is retried in the background.",
    tag: "Intake",
    auth: "signature",
    params: { channel: z.enum(CHANNELS) },
    headers: [
      signatureHeader("X-Replen-Signature", "api, bigcommerce"),
      signatureHeader("X-Shopify-Hmac-Sha256", "shopify"),
      signatureHeader("X-WC-Webhook-Signature", "woocommerce"),
    ],
    body: apiOrderSchema,
    status: 201,
    alsoStatus: [200, 202],
    response: intakeResultSchema,
    otherResponses: intakeRefusals,
    errors: [404, 429, 503],
  }),
  receiveForConnection: defineRoute({
    method: "POST",
    path: "/api/intake/{channel}/{connection}",
    summary: "Webhooks of one connected store, verified with that store's own secret",
    description:
      "The same intake flow as POST /intake/{channel}: stored first, idempotent, dead letters kept for replay. The body is the " +
      "platform's own webhook payload; BigCommerce sends a thin webhook whose order is then fetched from the store's API — when " +
      'that fetch fails the payload is dead-lettered but answered 200 (`IntakeFetchFailed`). See docs/intake.md, "Connected stores". ' +
      "404 for a channel or connection id that names no connected store.",
    tag: "Intake",
    auth: "signature",
    params: { channel: connectionViewSchema.shape.channel, connection: uuidPath },
    headers: [
      signatureHeader("X-Shopify-Hmac-Sha256", "shopify", "the store's webhook secret"),
      signatureHeader("X-WC-Webhook-Signature", "woocommerce", "the store's webhook secret"),
      { name: "X-Replen-Webhook-Secret", description: "The store's webhook secret itself, as the webhook was created with it (bigcommerce)" },
    ],
    body: z.looseObject({}).meta({ description: "The platform's webhook payload (a Shopify or WooCommerce order, a BigCommerce thin webhook)" }),
    status: 201,
    alsoStatus: [200, 202],
    response: z.union([intakeResultSchema, intakeFetchFailedSchema]),
    otherResponses: intakeRefusals,
    errors: [404, 429, 503],
  }),
};

// ── Staff: app/api/v1/admin/intake/** ─────────────────────────────────────────────────────

const instant = z.string().meta({ format: "date-time" });
const int = z.number().int();
const status = z.enum(INTAKE_STATUSES);
const action = z.enum(INTAKE_ACTIONS);

export const channelMetricsSchema = z.object({
  channel: channelSchema,
  received: int,
  accepted: int,
  /** Refused: bad signature, stale status… (`rejected`) plus everything dead-lettered. */
  rejected: int,
  deadLettered: int,
  duplicates: int,
  ignored: int,
  /** Payloads that needed more than one processing attempt (Inngest retries, replays). */
  retried: int,
  byReason: z.array(z.object({ reason: z.string(), count: int })),
});

export const intakeMetricsSchema = z.object({
  /** Open dead letters (all time). */
  total: int,
  byChannel: z.array(z.object({ channel: channelSchema, count: int })),
  /** Per channel, over payloads received since `since`. */
  perChannel: z.array(channelMetricsSchema),
  since: instant,
});

export const payloadSummarySchema = z.object({
  id: z.string(),
  channel: channelSchema,
  externalId: z.string().nullable(),
  status,
  reason: z.string().nullable(),
  errors: z.array(intakeIssueSchema),
  receivedAt: instant,
  processedAt: instant.nullable(),
  attempts: int,
  orderId: z.string().nullable(),
  action: action.nullable(),
  /** When the body was corrected (null: never). */
  corrected: instant.nullable(),
  replayCount: int,
  signatureValid: z.boolean(),
});

export const storedCanonicalSchema = canonicalOrderSchema.extend({
  aliases: z.array(z.object({ line: int, from: z.string(), to: z.string() })).optional(),
});

export const payloadDetailSchema = z.object({
  payload: z.object({
    id: z.string(),
    channel: channelSchema,
    externalId: z.string().nullable(),
    rawBody: z.string(),
    bodySha256: z.string(),
    correctedBody: z.string().nullable(),
    correctedAt: instant.nullable(),
    correctedBy: z.string().nullable(),
    headers: z.record(z.string(), z.string()),
    receivedAt: instant,
    signatureValid: z.boolean(),
    status,
    reason: z.string().nullable(),
    errors: z.array(intakeIssueSchema),
    /** The canonical order after mapping rules, once the body parsed. */
    canonical: storedCanonicalSchema.nullable(),
    channelStatus: z.string().nullable(),
    action: action.nullable(),
    orderId: z.string().nullable(),
    duplicateOf: z.string().nullable(),
    supersededBy: z.string().nullable(),
    attempts: int,
    lastAttemptAt: instant.nullable(),
    lastError: z.string().nullable(),
    processedAt: instant.nullable(),
    replayCount: int,
    replayedAt: instant.nullable(),
    /** The channel connection (store) it came through; null for the legacy per-channel endpoint. */
    connectionId: z.string().nullable(),
    source: z.enum(INTAKE_SOURCES),
    topic: z.string().nullable(),
    deliveryId: z.string().nullable(),
    triggeredAt: instant.nullable(),
    /** Documents fetched from the store's API for a thin webhook (BigCommerce), as received. */
    fetched: z.array(z.object({ path: z.string(), status: int, body: z.unknown() })).nullable(),
    fetchedBody: z.string().nullable(),
  }),
  order: z.object({ id: z.string(), number: int, state: z.string() }).nullable(),
  related: z.array(z.object({ id: z.string(), status, reason: z.string().nullable(), receivedAt: instant, orderId: z.string().nullable() })),
});

export const skuAliasSchema = z.object({
  id: int,
  channel: channelSchema,
  fromSku: z.string(),
  toSku: z.string(),
  createdBy: z.string().nullable(),
  createdAt: instant,
});

export const replayOutcomeSchema = z.union([
  z.object({
    payloadId: z.string(),
    status,
    orderId: z.string().optional(),
    action: action.optional(),
    reason: z.string().optional(),
    errors: z.array(intakeIssueSchema).optional(),
    duplicatePayloadId: z.string().optional(),
    replayed: z.boolean(),
  }),
  z.object({ payloadId: z.string(), replayed: z.literal(false), notFound: z.literal(true) }),
]);

export const intakeOverviewSchema = z.object({
  channels: z.array(
    z.object({
      channel: channelSchema,
      /** Payloads per status (statuses with none are left out). */
      counts: z.partialRecord(status, int),
      settings: channelSettingsSchema,
    }),
  ),
  deadLetterReasons: z.array(z.object({ channel: channelSchema, reason: z.string(), count: int })),
  metrics: intakeMetricsSchema,
});

const admin = "/api/v1/admin/intake";
const tag = "Intake (admin)";
const payloadParams = { id: uuidPath };

export const intakeAdminRoutes = {
  overview: defineRoute({
    method: "GET",
    path: `${admin}/overview`,
    summary: "Counts per channel and status, dead letters by reason, settings and metrics",
    tag,
    response: intakeOverviewSchema,
    errors: [401, 403],
  }),
  metrics: defineRoute({
    method: "GET",
    path: `${admin}/metrics`,
    summary: "Intake metrics per channel (accepted, rejected, retried, by reason) over a window",
    tag,
    query: z.object({
      windowHours: z.coerce
        .number()
        .int()
        .min(1)
        .max(24 * 90)
        .optional(),
    }),
    response: intakeMetricsSchema,
    errors: [401, 403, 422],
  }),
  payloads: defineRoute({
    method: "GET",
    path: `${admin}/payloads`,
    summary: "Intake payloads by channel / status / reason, newest first (no bodies)",
    tag,
    query: listPayloadsQuerySchema,
    response: z.object({ payloads: z.array(payloadSummarySchema) }),
    errors: [401, 403, 422],
  }),
  payload: defineRoute({
    method: "GET",
    path: `${admin}/payloads/{id}`,
    summary: "One payload: raw body, correction, errors, canonical order, resulting order, related copies",
    tag,
    params: payloadParams,
    response: payloadDetailSchema,
    errors: [401, 403, 404],
  }),
  correct: defineRoute({
    method: "PUT",
    path: `${admin}/payloads/{id}/body`,
    summary: "Store a corrected copy of a dead letter's body (the raw body is kept); `body: null` drops the correction",
    tag,
    params: payloadParams,
    body: correctBodySchema,
    response: z.object({ payloadId: z.string(), corrected: z.boolean() }),
    errors: [400, 401, 403, 404, 409, 422],
  }),
  replay: defineRoute({
    method: "POST",
    path: `${admin}/replay`,
    summary: "Replay one or many dead letters with the current mapping rules and corrections",
    tag,
    body: replayBodySchema,
    response: z.object({ results: z.array(replayOutcomeSchema) }),
    errors: [400, 401, 403, 422],
  }),
  aliases: defineRoute({
    method: "GET",
    path: `${admin}/aliases`,
    summary: "SKU aliases per channel",
    tag,
    response: z.object({ aliases: z.array(skuAliasSchema) }),
    errors: [401, 403],
  }),
  saveAlias: defineRoute({
    method: "POST",
    path: `${admin}/aliases`,
    summary: "Add or repoint a SKU alias; answers with the dead letters it may fix",
    tag,
    body: skuAliasBodySchema,
    response: z.object({ alias: skuAliasSchema, affectedPayloadIds: z.array(z.string()) }),
    errors: [400, 401, 403, 422],
  }),
  deleteAlias: defineRoute({
    method: "DELETE",
    path: `${admin}/aliases/{id}`,
    summary: "Remove a SKU alias",
    tag,
    params: { id: intIdPath },
    response: z.object({ deleted: int }),
    errors: [401, 403, 404],
  }),
  products: defineRoute({
    method: "GET",
    path: `${admin}/products`,
    summary: "Sellable products an alias may point to",
    tag,
    query: productsQuerySchema,
    response: z.object({ products: z.array(z.object({ sku: z.string(), name: z.string() })) }),
    errors: [401, 403, 422],
  }),
  settings: defineRoute({
    method: "PUT",
    path: `${admin}/settings/{channel}`,
    summary: "Tune a channel's validation: totals / customer strict|lenient, test orders ignore|accept",
    tag,
    params: { channel: channelSchema },
    body: channelSettingsPatchSchema,
    response: z.object({ channel: channelSchema, settings: channelSettingsSchema }),
    errors: [400, 401, 403, 404, 422],
  }),
  connections: defineRoute({
    method: "GET",
    path: `${admin}/connections`,
    summary: "Connected stores, without their credentials (never shown again once saved)",
    tag,
    response: z.object({ connections: z.array(connectionViewSchema) }),
    errors: [401, 403],
  }),
  createConnection: defineRoute({
    method: "POST",
    path: `${admin}/connections`,
    summary: "Connect a store; its credentials and webhook secret are stored encrypted; 409 when the channel has a store with that handle",
    tag,
    body: createConnectionBodySchema,
    status: 201,
    response: z.object({ connection: connectionViewSchema }),
    errors: [400, 401, 403, 409, 422],
  }),
  connectionHealth: defineRoute({
    method: "GET",
    path: `${admin}/connections/health`,
    summary: "Channel health per connected store: last delivery, lag, failures, missed orders, reconciliation",
    tag,
    response: channelHealthResponseSchema,
    errors: [401, 403],
  }),
  testConnection: defineRoute({
    method: "POST",
    path: `${admin}/connections/{id}/test`,
    summary: "One authenticated read against the store, recorded on the connection; a refusal is `ok: false`, not an error",
    tag,
    params: { id: uuidPath },
    response: testConnectionResponseSchema,
    errors: [400, 401, 403, 404, 503],
  }),
  reconcile: defineRoute({
    method: "POST",
    path: `${admin}/connections/{id}/reconcile`,
    summary: "Reconcile one store now (what the cron does every interval); 409 while another run holds it, or when it is disabled",
    tag,
    params: { id: uuidPath },
    response: reconcileResultSchema,
    errors: [401, 403, 404, 409],
  }),
};
