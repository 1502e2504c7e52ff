import { z } from "zod";
import { apiOrderSchema, CHANNELS } from "./adapters/canonical-order";
import { INTAKE_REASONS, INTAKE_STATUSES } from "./intake-status";

/**
 * The intake endpoint's part of /api/v1/openapi.json (merged by server/subscriptions/openapi.ts).
 * The `api` channel's body schema is generated from `apiOrderSchema`, the zod schema the
 * adapter parses with, so the contract can't drift from the code.
 */
type Json = Record<string, unknown>;
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function apiOrderJsonSchema(): Json {
  const { $schema: _s, ...schema } = z.toJSONSchema(apiOrderSchema, { io: "input" }) as Json;
  return schema;
}

const issue = {
  type: "object",
  properties: {
    path: { type: "string", description: 'Canonical path, e.g. lines[0].sku; "" is the body' },
    message: { type: "string" },
    code: { enum: [...INTAKE_REASONS] },
  },
  required: ["path", "message", "code"],
};

export const intakeOpenApiSchemas: Record<string, Json> = {
  ApiOrder: apiOrderJsonSchema(),
  IntakeResult: {
    type: "object",
    properties: {
      payloadId: { type: "string", format: "uuid", description: "The stored payload (for a replay: the original one)" },
      status: { enum: INTAKE_STATUSES.filter((s) => s !== "dead_lettered" && s !== "superseded") },
      orderId: { type: "string", format: "uuid" },
      action: { enum: ["created", "status_advanced", "cancelled"] },
      reason: { enum: [...INTAKE_REASONS] },
      duplicatePayloadId: { type: "string", format: "uuid", description: "On a replay: the id this request was stored under" },
    },
    required: ["payloadId", "status"],
  },
  IntakeDeadLetter: {
    type: "object",
    properties: {
      payloadId: { type: "string", format: "uuid" },
      deadLetter: { const: true },
      error: {
        type: "object",
        properties: {
          code: { enum: ["VALIDATION", "BAD_REQUEST"] },
          message: { type: "string" },
          fields: { type: "object", additionalProperties: { type: "string" } },
          reasons: { type: "array", items: issue },
        },
        required: ["code", "message", "fields", "reasons"],
      },
    },
    required: ["payloadId", "deadLetter", "error"],
  },
};

const json = (schema: Json, description: string) => ({ description, content: { "application/json": { schema } } });
const signatureHeader = (name: string, channels: string) => ({
  name,
  in: "header",
  required: false,
  schema: { type: "string" },
  description: `Base64 HMAC-SHA256 of the exact request body with the channel's secret (${channels})`,
});

export const intakeOpenApiPaths: Record<string, Json> = {
  "/intake/{channel}": {
    servers: [{ url: "/api" }],
    post: {
      summary: "Submit an order (channel webhooks and the canonical `api` order)",
      description:
        "Stored raw before processing; idempotent by (channel, externalId): a repeat returns the original result with " +
        "`Idempotent-Replayed: true`. Orders failing validation are kept in a dead-letter queue for an admin to fix and replay. " +
        "For `channel=api` the body is `ApiOrder`; the platforms send their own webhook payloads. See docs/intake-governance.md.",
      tags: ["Intake"],
      security: [],
      parameters: [
        { name: "channel", in: "path", required: true, schema: { enum: [...CHANNELS] } },
        signatureHeader("X-Replen-Signature", "api, bigcommerce"),
        signatureHeader("X-Shopify-Hmac-Sha256", "shopify"),
        signatureHeader("X-WC-Webhook-Signature", "woocommerce"),
      ],
      requestBody: { required: true, content: { "application/json": { schema: ref("ApiOrder") } } },
      responses: {
        201: json(ref("IntakeResult"), "Accepted: the order was created and entered its workflow"),
        200: json(
          ref("IntakeResult"),
          "A replay (original result), a status update, or a payload ignored/refused on purpose (status and reason say which)",
        ),
        202: json(ref("IntakeResult"), "Stored; processing failed transiently and is retried in the background"),
        400: json(ref("IntakeDeadLetter"), "The body is not valid JSON (stored and dead-lettered)"),
        401: json(ref("Error"), "Missing or invalid signature (stored as rejected)"),
        404: json(ref("Error"), "Unknown channel"),
        413: json(ref("Error"), "Body larger than 2 MiB"),
        422: json(ref("IntakeDeadLetter"), "The order failed validation; it is in the dead-letter queue with every reason"),
      },
    },
  },
};
