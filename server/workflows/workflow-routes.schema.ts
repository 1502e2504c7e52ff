/**
 * Contracts of the staff workflow routes: the designer (app/api/v1/admin/workflows/**), the
 * review queue, the monitoring dashboard and staff order operations (app/api/v1/admin/orders/**).
 */
import { z } from "zod";
import { responseSchemas } from "../http/named-schemas";
import { defineRoute, errorBody, intIdPath, uuidPath } from "../http/route-contract";
import { channelMetricsSchema } from "../intake/intake-routes.schema";
import { CHANNELS } from "@/db/vocabulary/intake";
import {
  bulkPreviewBodySchema,
  bulkStartBodySchema,
  migrationBodySchema,
  operationProgressSchema,
  orderSampleSchema,
  overlayQuerySchema,
  stateOrdersQuerySchema,
  versionDiffQuerySchema,
} from "./admin/operate.schema";
import { draftBodySchema, orderEventBodySchema, orderFactsSchema, reviewDecisionSchema, simulateBodySchema } from "./admin/workflow-api.schema";
import { ACTION_TYPES, PROBLEM_CODES, stateSchema, transitionSchema, workflowDefinitionSchema } from "./model";

const instant = z.string().meta({ format: "date-time" });
const int = z.number().int();

export const problemSchema = z.object({
  code: z.enum(PROBLEM_CODES as [(typeof PROBLEM_CODES)[number], ...(typeof PROBLEM_CODES)[number][]]),
  message: z.string(),
  /** null for definition-wide problems (e.g. no terminal state). */
  elementId: z.string().nullable(),
  elementKind: z.enum(["state", "transition", "action"]),
  severity: z.enum(["error", "warning"]),
});

export const workflowSummarySchema = z.object({ id: int, name: z.string(), liveVersion: int.nullable(), draftUpdatedAt: instant, inFlight: int });

export const workflowDetailSchema = z.object({
  workflow: z.object({ id: int, name: z.string() }),
  draft: workflowDefinitionSchema,
  draftUpdatedAt: instant,
  live: z.object({ versionId: int, version: int, definition: workflowDefinitionSchema, publishedAt: instant }).nullable(),
  versions: z.array(z.object({ versionId: int, version: int, publishedAt: instant, inFlight: int })),
  problems: z.array(problemSchema),
});

const elementDiff = <T extends z.ZodType>(element: T) =>
  z.object({
    added: z.array(element),
    removed: z.array(element),
    changed: z.array(z.object({ id: z.string(), before: element, after: element, fields: z.array(z.string()) })),
  });
export const definitionDiffSchema = z.object({ states: elementDiff(stateSchema), transitions: elementDiff(transitionSchema), isEmpty: z.boolean() });

/** Any two published versions compared: the element diff plus the finer changes (guards, actions, retry policies). */
export const versionDiffSchema = definitionDiffSchema.extend({
  changes: z.array(
    z.object({
      kind: z.enum(["added", "removed", "changed"]),
      element: z.enum(["state", "edge", "guard", "action", "retry_policy"]),
      id: z.string(),
      /** Where it lives, e.g. the state of an action or the transition of a guard. */
      in: z.string().optional(),
      /** For `changed`: the fields that differ. */
      fields: z.array(z.string()).optional(),
    }),
  ),
  /** The version numbers compared. */
  from: int,
  to: int,
});

const actionType = z.enum(ACTION_TYPES);
const outcome = z.enum(["success", "fail"]);
export const simulatedOrderSchema = z.object({
  orderId: z.string().optional(),
  orderNumber: int.optional(),
  facts: orderFactsSchema,
  path: z.array(
    z.object({
      state: z.string(),
      actionsRun: z.array(z.object({ actionId: z.string(), type: actionType, group: int, outcome })),
      compensated: z.array(actionType),
      transitionTaken: z.object({ id: z.string(), to: z.string(), kind: z.enum(["transition", "on_failure", "timeout"]) }).nullable(),
      guardFired: z.string().nullable(),
      guardInputs: orderFactsSchema.partial(),
    }),
  ),
  /** `waitingFor` lists what could move the order on, e.g. `event:order/shipped`. */
  stop: z.object({
    reason: z.enum(["terminal", "awaiting_event", "awaiting_manual", "awaiting_timeout", "stuck", "unhandled_failure", "step_limit", "error"]),
    state: z.string().nullable(),
    waitingFor: z.array(z.string()),
    message: z.string().optional(),
  }),
});

export const reviewItemSchema = z.object({
  orderId: z.string(),
  number: int,
  customerName: z.string(),
  totalMinor: int,
  currency: z.string(),
  state: z.string(),
  /** The state's label in the order's pinned workflow version. */
  stateLabel: z.string(),
  enteredAt: instant,
  ageSeconds: int,
  /** Identifies the visit a decision is for. */
  seq: int,
});

const channel = z.enum(CHANNELS);

export const dashboardSchema = z.object({
  generatedAt: instant,
  ordersByState: z.array(z.object({ state: z.string(), count: int })),
  /** `count`: orders that reached a terminal state in the hour; `created`: orders created. */
  throughputPerHour: z.array(z.object({ hour: instant, count: int, created: int })),
  timeInState: z.array(z.object({ state: z.string(), avgSeconds: z.number(), p95Seconds: z.number(), samples: int, bottleneck: z.boolean() })),
  actions: z.object({
    attempts: int,
    retries: int,
    failures: int,
    finalFailures: int,
    retryRate: z.number(),
    failureRate: z.number(),
    byType: z.array(z.object({ actionType: z.string(), attempts: int, retries: int, failures: int })),
  }),
  reviewQueue: z.object({ count: int, oldestAgeSeconds: int.nullable() }),
  /** Orders longer in their state than its expectedWithinSeconds, per workflow and state (largest first). */
  overSla: z.object({ count: int, byState: z.array(z.object({ workflowId: int, workflow: z.string(), state: z.string(), count: int })) }),
  inFlightByVersion: z.array(z.object({ workflow: z.string(), workflowId: int, version: int, versionId: int, count: int })),
  deadLetters: z.object({ total: int, byChannel: z.array(z.object({ channel, count: int })) }),
  /** Intake per channel over the last 24 h (server/intake/intake-metrics.ts). */
  intake: z.object({ perChannel: z.array(channelMetricsSchema), since: instant }),
});

const orderAddressSchema = z.object({
  name: z.string(),
  line1: z.string(),
  line2: z.string().nullish(),
  city: z.string(),
  region: z.string().nullish(),
  postalCode: z.string(),
  country: z.string(),
  valid: z.boolean().optional(),
});

export const adminOrderSchema = z.object({
  id: z.string(),
  number: int,
  customerId: z.string(),
  kind: z.string(),
  subscriptionId: z.string().nullable(),
  cycleIndex: int.nullable(),
  channel: z.string(),
  externalId: z.string().nullable(),
  state: z.string(),
  workflowVersionId: int.nullable(),
  transitionSeq: int,
  currency: z.string(),
  subtotalMinor: int,
  discountMinor: int,
  taxMinor: int,
  shippingMinor: int,
  totalMinor: int,
  shippingAddress: orderAddressSchema.nullable(),
  flags: z.array(z.string()),
  scheduledFor: instant.nullable(),
  stateEnteredAt: instant,
  createdAt: instant,
  customerName: z.string(),
  customerEmail: z.string(),
});

export const adminOrderDetailSchema = z.object({
  order: adminOrderSchema,
  lines: z.array(
    z.object({
      id: z.string(),
      orderId: z.string(),
      productId: z.string(),
      sku: z.string(),
      name: z.string(),
      quantity: int,
      unitPriceMinor: int,
      reservedQuantity: int,
      meta: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
  payment: z
    .object({
      status: z.string(),
      amountMinor: int,
      currency: z.string(),
      gateway: z.string(),
      ref: z.string().nullable(),
      authorizedAt: instant.nullable(),
      capturedAt: instant.nullable(),
    })
    .nullable(),
  /** The workflow version the order is pinned to. */
  workflow: z.object({ versionId: int, version: int, workflowId: int, workflow: z.string() }).nullable(),
  timeline: z.array(
    z.object({
      id: int,
      at: instant,
      action: z.string(),
      fromState: z.string().nullable(),
      toState: z.string().nullable(),
      actorType: z.string(),
      actorId: z.string().nullable(),
      /** Resolved for user actors. */
      actorEmail: z.string().nullable(),
      data: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
  attempts: z.array(
    z.object({
      id: int,
      orderId: z.string(),
      stateSeq: int,
      stateId: z.string(),
      actionId: z.string(),
      actionType: z.string(),
      attempt: int,
      status: z.string(),
      error: z.string().nullable(),
      durationMs: int,
      at: instant,
    }),
  ),
});

export const adminOrderRowSchema = z.object({
  id: z.string(),
  number: int,
  kind: z.string(),
  state: z.string(),
  channel: z.string(),
  totalMinor: int,
  currency: z.string(),
  flags: z.array(z.string()),
  subscriptionId: z.string().nullable(),
  cycleIndex: int.nullable(),
  createdAt: instant,
  customerName: z.string(),
});

// ── Operating a live workflow: overlay, drill-down, bulk operations, migrations, restore ─────

/** The orders a filter selects: how many, and the first of them (oldest in their state first). */
export const orderSelectionResultSchema = z
  .object({ count: int, sample: z.array(orderSampleSchema) })
  .register(responseSchemas, { id: "WorkflowOrderSelection" });

export const migrationPlanSchema = z.object({
  fromVersionId: int,
  toVersionId: int,
  /** Every in-flight state of the source version: where its orders go (null: they stay). */
  states: z.array(z.object({ from: z.string(), to: z.string().nullable(), count: int })),
  /** The resolved mapping the migration freezes (mapped states only). */
  mapping: z.record(z.string(), z.string()),
  migratable: int,
  unmappable: int,
  /** Up to 20 orders that cannot be mapped (and stay pinned to the source version). */
  unmappableSample: z.array(orderSampleSchema),
});

/** A queued bulk operation or migration; poll …/operations/{operationId} for its progress. */
const startedOperationSchema = z
  .object({ operationId: z.string().meta({ format: "uuid" }), total: int })
  .register(responseSchemas, { id: "WorkflowOperationStarted" });

export const workflowOverlaySchema = z.object({
  versionIds: z.array(int),
  /** The window (`hours` ending now). */
  from: instant,
  to: instant,
  states: z.array(
    z.object({
      state: z.string(),
      /** Orders in the state now (every selected version); null for a final state, which shows `arrived` instead. */
      now: int.nullable(),
      /** Of those, in it longer than the state's expectedWithinSeconds (0 without an SLA). */
      overdue: int,
      /** Orders that entered the state in the window. */
      arrived: int,
      /** Visits that ended in the window: how long orders stayed, median and p95 (ms). */
      visits: int,
      medianMs: int.nullable(),
      p95Ms: int.nullable(),
      /** Action tries in the window: failed ones, and retries (attempt > 1). */
      failures: int,
      retries: int,
    }),
  ),
  edges: z.array(z.object({ from: z.string(), to: z.string(), count: int })),
});

const admin = "/api/v1/admin";
const tag = "Workflows (admin)";
const params = { id: intIdPath };
// Shared by review decisions and order events; named so the document does not call it after the first one.
const moved = z.object({ ok: z.literal(true), state: z.string() }).register(responseSchemas, { id: "OrderMoved" });

export const workflowRoutes = {
  list: defineRoute({
    method: "GET",
    path: `${admin}/workflows`,
    summary: "Workflows with their live version and orders in flight",
    tag,
    response: z.object({ workflows: z.array(workflowSummarySchema) }),
    errors: [401, 403],
  }),
  detail: defineRoute({
    method: "GET",
    path: `${admin}/workflows/{id}`,
    summary: "Draft (with problems), live version and every version's in-flight count",
    tag,
    params,
    response: workflowDetailSchema,
    errors: [401, 403, 404],
  }),
  diff: defineRoute({
    method: "GET",
    path: `${admin}/workflows/{id}/diff`,
    summary: 'What publishing the draft would change against the live version (everything is "added" before the first publish)',
    tag,
    params,
    response: definitionDiffSchema,
    errors: [401, 403, 404],
  }),
  saveDraft: defineRoute({
    method: "PUT",
    path: `${admin}/workflows/{id}/draft`,
    summary: "Save the draft even with problems (returned); 422 only when it doesn't match the schema",
    tag,
    params,
    body: draftBodySchema,
    response: z.object({ problems: z.array(problemSchema), draftUpdatedAt: instant }),
    errors: [400, 401, 403, 404, 422],
  }),
  publish: defineRoute({
    method: "POST",
    path: `${admin}/workflows/{id}/publish`,
    summary: "Publish the draft as the next version, or 422 with the validator's problems",
    tag,
    params,
    response: z.object({ versionId: int, version: int }),
    otherResponses: {
      422: {
        description: "The draft has errors: `error.fields` maps element ids to messages, `problems` lists them all",
        body: errorBody.extend({ problems: z.array(problemSchema) }),
      },
    },
    errors: [401, 403, 404, 409],
  }),
  simulate: defineRoute({
    method: "POST",
    path: `${admin}/workflows/{id}/simulate`,
    summary: "Dry-run a definition on given facts, or on the facts of the last N real orders",
    tag,
    params,
    body: simulateBodySchema,
    response: z.object({ results: z.array(simulatedOrderSchema) }),
    errors: [400, 401, 403, 404, 422],
  }),
  reviewQueue: defineRoute({
    method: "GET",
    path: `${admin}/review`,
    summary: "Orders waiting for a human decision, oldest first",
    tag: "Review (admin)",
    response: z.object({ items: z.array(reviewItemSchema) }),
    errors: [401, 403],
  }),
  decide: defineRoute({
    method: "POST",
    path: `${admin}/review/{orderId}`,
    summary: "Approve or reject an order in review; 409 if it is not (or no longer) waiting for review",
    tag: "Review (admin)",
    params: { orderId: uuidPath },
    body: reviewDecisionSchema,
    response: moved,
    errors: [400, 401, 403, 404, 409, 422],
  }),
  dashboard: defineRoute({
    method: "GET",
    path: `${admin}/dashboard`,
    summary: "Monitoring: orders per state, throughput, time in state, action rates, review queue, versions, dead letters",
    tag: "Dashboard (admin)",
    response: dashboardSchema,
    errors: [401, 403],
  }),
  orders: defineRoute({
    method: "GET",
    path: `${admin}/orders`,
    summary: "Every customer's orders, newest first",
    tag: "Orders (admin)",
    query: z.object({ state: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(500).optional() }),
    response: z.object({ orders: z.array(adminOrderRowSchema) }),
    errors: [401, 403, 422],
  }),
  order: defineRoute({
    method: "GET",
    path: `${admin}/orders/{id}`,
    summary: "One order with its lines, payment, pinned version, audit timeline and action attempts",
    tag: "Orders (admin)",
    params: { id: uuidPath },
    response: adminOrderDetailSchema,
    errors: [401, 403, 404],
  }),
  orderEvent: defineRoute({
    method: "POST",
    path: `${admin}/orders/{id}/events`,
    summary: 'Send an event to one order ("mark shipped": `{ "event": "order/shipped" }`); 409 if its state has no transition on it',
    tag: "Orders (admin)",
    params: { id: uuidPath },
    body: orderEventBodySchema,
    response: moved,
    errors: [400, 401, 403, 404, 409, 422],
  }),
  overlay: defineRoute({
    method: "GET",
    path: `${admin}/workflows/{id}/overlay`,
    summary:
      "The designer's Live overlay: orders per state now (and over SLA), time in state, failures, retries and edge counts over the last `hours`",
    tag,
    params,
    query: overlayQuerySchema,
    response: workflowOverlaySchema,
    errors: [401, 403, 404, 422],
  }),
  stateOrders: defineRoute({
    method: "GET",
    path: `${admin}/workflows/{id}/orders`,
    summary: "A state's orders (the overlay drill-down), with the same filters as bulk operations",
    tag,
    params,
    query: stateOrdersQuerySchema,
    response: orderSelectionResultSchema,
    errors: [401, 403, 404, 422],
  }),
  bulkPreview: defineRoute({
    method: "POST",
    path: `${admin}/workflows/{id}/bulk-preview`,
    summary: "How many orders a bulk operation's filter selects, and the first 20; a non-empty filter is required",
    tag,
    params,
    body: bulkPreviewBodySchema,
    response: orderSelectionResultSchema,
    errors: [400, 401, 403, 404, 422],
  }),
  operations: defineRoute({
    method: "GET",
    path: `${admin}/workflows/{id}/operations`,
    summary: "The workflow's latest 20 bulk operations and migrations, newest first",
    tag,
    params,
    response: z.object({ items: z.array(operationProgressSchema) }),
    errors: [401, 403, 404],
  }),
  startOperation: defineRoute({
    method: "POST",
    path: `${admin}/workflows/{id}/operations`,
    summary: "Start a bulk retry / manual review / cancel as a durable job; 409 when the filter matches no order",
    tag,
    params,
    body: bulkStartBodySchema,
    response: startedOperationSchema,
    errors: [400, 401, 403, 404, 409, 422],
  }),
  operation: defineRoute({
    method: "GET",
    path: `${admin}/workflows/{id}/operations/{operationId}`,
    summary: "A bulk operation's or migration's progress (total, processed, succeeded, skipped, status)",
    tag,
    params: { id: intIdPath, operationId: uuidPath },
    response: operationProgressSchema,
    errors: [401, 403, 404],
  }),
  migrationPreview: defineRoute({
    method: "POST",
    path: `${admin}/workflows/{id}/migrations/preview`,
    summary: "Where each in-flight state's orders would go (same-named by default) and which orders cannot be mapped",
    tag,
    params,
    body: migrationBodySchema,
    response: migrationPlanSchema,
    errors: [400, 401, 403, 404, 422],
  }),
  migrate: defineRoute({
    method: "POST",
    path: `${admin}/workflows/{id}/migrations`,
    summary: "Start migrating in-flight orders between two published versions as a durable job; 409 when no order can be migrated",
    tag,
    params,
    body: migrationBodySchema,
    response: startedOperationSchema,
    errors: [400, 401, 403, 404, 409, 422],
  }),
  restoreVersion: defineRoute({
    method: "POST",
    path: `${admin}/workflows/{id}/versions/{versionId}/restore`,
    summary: "Make a published version the draft again (rollback = restore, then publish); answers with the draft's problems",
    tag,
    params: { id: intIdPath, versionId: intIdPath },
    response: z.object({ problems: z.array(problemSchema), draftUpdatedAt: instant, version: int }),
    errors: [401, 403, 404, 422],
  }),
  versionDiff: defineRoute({
    method: "GET",
    path: `${admin}/workflows/{id}/versions/diff`,
    summary: "Semantic diff between any two published versions (`from` and `to` are version ids)",
    tag,
    params,
    query: versionDiffQuerySchema,
    response: versionDiffSchema,
    errors: [401, 403, 404, 422],
  }),
};
