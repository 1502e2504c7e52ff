/**
 * Contract of the order intake webhook (app/api/intake/[channel]). The `api` channel's body is
 * `apiOrderSchema`, the zod schema its adapter parses with; the answers are built by
 * intake-response.ts (intake-response.test.ts checks them against these schemas).
 */
import { z } from "zod";
import { defineRoute } from "../http/route-contract";
import { apiOrderSchema, CHANNELS } from "./adapters/canonical-order";
import { requestSchemas, responseSchemas } from "../http/named-schemas";
import { INTAKE_ACTIONS, INTAKE_REASONS, type IntakeStatus } from "./intake-status";

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

export const intakeDeadLetterSchema = z.object({
  payloadId: uuid,
  deadLetter: z.literal(true),
  error: z.object({
    code: z.enum(["VALIDATION", "BAD_REQUEST"]),
    message: z.string(),
    fields: z.record(z.string(), z.string()),
    reasons: z.array(intakeIssueSchema),
  }),
});

/** A refusal that still stored the payload (bad signature, body too large): the error and the payload's id. */
export const intakeRefusalSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
  payloadId: uuid,
});

const signatureHeader = (name: string, channels: string) => ({
  name,
  description: `Base64 HMAC-SHA256 of the exact request body with the channel's secret (${channels})`,
});

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
    otherResponses: {
      400: { description: "The body is not valid JSON (stored and dead-lettered)", body: intakeDeadLetterSchema },
      401: { description: "Missing or invalid signature (stored as rejected)", body: intakeRefusalSchema },
      413: { description: "Body larger than 2 MiB", body: intakeRefusalSchema },
      422: { description: "The order failed validation; it is in the dead-letter queue with every reason", body: intakeDeadLetterSchema },
    },
    errors: [404, 429, 503],
  }),
};
