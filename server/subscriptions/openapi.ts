/**
 * The OpenAPI 3.1 document served at /api/v1/openapi.json. Schemas are generated from the same
 * zod schemas the handlers parse with and the queries return (z.toJSONSchema), so the document
 * can't drift from the code; only the list of paths below is written by hand.
 */
import { z } from "zod";
import { intakeOpenApiPaths, intakeOpenApiSchemas } from "../intake/openapi";
import { requestSchemas, responseSchemas } from "./api-schemas";
// Imported for their side effect: they register the named schemas in the registries above.
import "./subscription.schema";
import "./subscription-dto.schema";

type Json = Record<string, unknown>;
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function components(registry: typeof requestSchemas, io: "input" | "output"): Record<string, Json> {
  const { schemas } = z.toJSONSchema(registry, { io, uri: (id) => `#/components/schemas/${id}`, unrepresentable: "any" });
  // $schema/$id are per-document in JSON Schema; inside components they'd only confuse tools.
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]));
}

const ERRORS = {
  400: "Malformed request (e.g. invalid JSON)",
  401: "Not signed in / no valid Bearer token",
  403: "Signed in, but this role may not do this",
  404: "Not found — also for another customer's resources",
  409: "The subscription's state doesn't allow this (e.g. resuming an active one), or it changed meanwhile",
  422: "Field errors: `error.fields` maps a field path to a reason",
} as const;
type ErrorStatus = keyof typeof ERRORS;

interface OpSpec {
  summary: string;
  tag: string;
  body?: string;
  bodyRequired?: boolean;
  response: Json;
  status?: number;
  errors?: ErrorStatus[];
  query?: Array<{ name: string; schema: Json; required?: boolean; description?: string }>;
  headers?: Array<{ name: string; description: string }>;
  auth?: boolean;
}

function op(spec: OpSpec, pathParams: string[] = []): Json {
  const errors = spec.errors ?? [401, 403, 422];
  return {
    summary: spec.summary,
    tags: [spec.tag],
    ...(spec.auth === false ? { security: [] } : {}),
    parameters: [
      ...pathParams.map((name) => ({ name, in: "path", required: true, schema: { type: "string", format: "uuid" } })),
      ...(spec.query ?? []).map((q) => ({ name: q.name, in: "query", required: q.required ?? false, schema: q.schema, description: q.description })),
      ...(spec.headers ?? []).map((h) => ({ name: h.name, in: "header", required: false, schema: { type: "string" }, description: h.description })),
    ],
    ...(spec.body ? { requestBody: { required: spec.bodyRequired ?? true, content: { "application/json": { schema: ref(spec.body) } } } } : {}),
    responses: {
      [String(spec.status ?? 200)]: { description: "OK", content: { "application/json": { schema: spec.response } } },
      ...Object.fromEntries(errors.map((s) => [String(s), { description: ERRORS[s], content: { "application/json": { schema: ref("Error") } } }])),
    },
  };
}

const obj = (properties: Json, required = Object.keys(properties)): Json => ({ type: "object", properties, required });
const subscriptionResponse = obj({ subscription: ref("Subscription") });
const mutation = (summary: string, body?: string, extra: Partial<OpSpec> = {}) =>
  op({ summary, tag: "Subscriptions", body, bodyRequired: false, response: subscriptionResponse, errors: [400, 401, 403, 404, 409, 422], ...extra }, [
    "id",
  ]);

const paths: Record<string, Json> = {
  "/schedules/preview": {
    post: op({
      summary: "Next occurrences of a schedule (local dates and UTC instants)",
      tag: "Schedules",
      body: "SchedulePreviewRequest",
      response: ref("SchedulePreview"),
      errors: [400, 401, 422],
    }),
  },
  "/products": {
    get: op({
      summary: "Products a customer can subscribe to",
      tag: "Catalog",
      response: obj({ products: { type: "array", items: ref("Product") } }),
      errors: [401, 403],
    }),
  },
  "/subscriptions": {
    get: op({
      summary: "Your subscriptions",
      tag: "Subscriptions",
      response: obj({ subscriptions: { type: "array", items: ref("Subscription") } }),
      errors: [401, 403],
    }),
    post: op({
      summary: "Create and confirm a subscription; the first order is created at once",
      tag: "Subscriptions",
      body: "CreateSubscriptionRequest",
      status: 201,
      errors: [400, 401, 403, 422],
      response: obj({ subscription: ref("Subscription"), firstOrderId: { type: ["string", "null"] } }),
    }),
  },
  "/subscriptions/{id}": {
    get: op(
      {
        summary: "A subscription with its next 6 deliveries, orders and activity",
        tag: "Subscriptions",
        response: ref("SubscriptionDetail"),
        errors: [401, 403, 404],
      },
      ["id"],
    ),
    patch: mutation("Change frequency and/or quantity (from the next order; frequency re-anchors)", "ChangeSubscriptionRequest", {
      bodyRequired: true,
    }),
  },
  "/subscriptions/{id}/pause": { post: mutation("Pause, optionally until a date", "PauseRequest") },
  "/subscriptions/{id}/resume": { post: mutation("Resume; deliveries that fell in the pause are not made up") },
  "/subscriptions/{id}/skip": { post: mutation("Skip the next delivery") },
  "/subscriptions/{id}/unskip": { post: mutation("Restore a skipped delivery", "UnskipRequest") },
  "/subscriptions/{id}/reschedule": { post: mutation("Move the next delivery to another date", "RescheduleRequest", { bodyRequired: true }) },
  "/subscriptions/{id}/cancel": { post: mutation("Cancel, effective immediately", "CancelRequest") },
  "/subscriptions/{id}/order-now": {
    post: op(
      {
        summary: "Create an extra order now, outside the schedule",
        tag: "Subscriptions",
        status: 201,
        response: obj({ orderId: { type: "string" }, created: { type: "boolean" } }),
        errors: [400, 401, 403, 404, 409],
        headers: [
          { name: "Idempotency-Key", description: "Repeat a request with the same key to get the same order back (200) instead of a second order." },
        ],
      },
      ["id"],
    ),
  },
  "/orders": {
    get: op({
      summary: "Your orders, newest first",
      tag: "Orders",
      response: obj({ orders: { type: "array", items: ref("Order") } }),
      errors: [401, 403, 422],
      query: [
        { name: "subscriptionId", schema: { type: "string", format: "uuid" } },
        { name: "limit", schema: { type: "integer", minimum: 1, maximum: 500 } },
      ],
    }),
  },
  "/orders/{id}": {
    get: op({ summary: "One of your orders", tag: "Orders", response: obj({ order: ref("Order") }), errors: [401, 403, 404] }, ["id"]),
  },
  "/notifications": {
    get: op({
      summary: "Your in-app notifications and unread count",
      tag: "Notifications",
      response: obj({ notifications: { type: "array", items: ref("Notification") }, unread: { type: "integer" } }),
      errors: [401, 403],
    }),
  },
  "/notifications/{id}/read": {
    post: op({ summary: "Mark a notification read", tag: "Notifications", response: obj({ ok: { type: "boolean" } }), errors: [401, 403, 404] }, [
      "id",
    ]),
  },
  "/notifications/read-all": {
    post: op({ summary: "Mark all notifications read", tag: "Notifications", response: obj({ marked: { type: "integer" } }), errors: [401, 403] }),
  },
  "/suggestions/frequency": {
    get: op({
      summary: "Frequency suggested from your past one-off orders of a product",
      tag: "Subscriptions",
      response: ref("FrequencySuggestion"),
      errors: [401, 403, 422],
      query: [{ name: "productId", required: true, schema: { type: "string", format: "uuid" } }],
    }),
  },
  "/tokens": {
    get: op({
      summary: "Your API tokens (never the secret)",
      tag: "Tokens",
      response: obj({ tokens: { type: "array", items: ref("ApiToken") } }),
      errors: [401, 403],
    }),
    post: op({
      summary: "Create an API token; the secret is returned once",
      tag: "Tokens",
      body: "CreateTokenRequest",
      status: 201,
      response: obj({ token: { type: "string" }, apiToken: ref("ApiToken") }),
      errors: [400, 401, 403, 422],
    }),
  },
  "/tokens/{id}": {
    delete: op({ summary: "Revoke an API token", tag: "Tokens", response: obj({ ok: { type: "boolean" } }), errors: [401, 403, 404] }, ["id"]),
  },
};

// ── Intake ──────────────────────────────────────────────────────────────────────────────
// Intake engineer: add the canonical order schema and the intake endpoints here. Register
// zod schemas (e.g. `canonicalOrderSchema.register(responseSchemas, { id: "CanonicalOrder" })`
// or a registry of your own rendered like `components()` above) and list paths below; both
// are merged into the document. Keep ids unique across the document.
const intakePaths: Record<string, Json> = intakeOpenApiPaths;
const intakeSchemas: Record<string, Json> = intakeOpenApiSchemas;
// ────────────────────────────────────────────────────────────────────────────────────────

export function openApiDocument(serverUrl = "/api/v1"): Json {
  return {
    openapi: "3.1.0",
    info: {
      title: "Replen API",
      version: "1.0.0",
      description:
        "Customer API for recurring orders. Authenticate with the portal session cookie or `Authorization: Bearer <token>` " +
        "(create a token with POST /tokens). Local dates are YYYY-MM-DD in the subscription's time zone; instants are UTC ISO-8601; " +
        "money is integer minor units. Errors: `{ error: { code, message, fields? } }`.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    paths: { ...paths, ...intakePaths },
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "A personal API token from POST /tokens" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
      schemas: { ...components(requestSchemas, "input"), ...components(responseSchemas, "output"), ...intakeSchemas },
    },
  };
}
