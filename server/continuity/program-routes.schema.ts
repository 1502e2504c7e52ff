/**
 * Contracts of the program routes: the merchandiser's editor and workbench
 * (app/api/v1/admin/programs/**) and the customer portal (app/api/v1/programs/**).
 */
import { z } from "zod";
import type { PRODUCT_KINDS } from "@/db/schema/catalog";
import type { WORKBENCH_JOB_STATUSES } from "@/db/schema/continuity";
import { requestSchemas, responseSchemas } from "../http/named-schemas";
import { defineRoute, uuidPath } from "../http/route-contract";
import { PAYMENT_SCHEDULES, PROGRAM_TYPES, substitutionSchema } from "./model";
import { createPhantomSchema, createProgramSchema, editorPreviewSchema, saveProgramSchema } from "./program-admin.schema";
import { draftDefinitionSchema, PROGRAM_STATUSES } from "./program-definition";
import { workbenchApplySchema, workbenchFilterSchema, workbenchPreviewSchema } from "./workbench.schema";

const PRODUCT_KIND_VALUES = ["standard", "phantom", "program"] as const satisfies ReadonlyArray<(typeof PRODUCT_KINDS)[number]>;
const JOB_STATUS_VALUES = ["queued", "running", "done", "failed"] as const satisfies ReadonlyArray<(typeof WORKBENCH_JOB_STATUSES)[number]>;

const instant = z.string().meta({ format: "date-time" });
const localDate = z.string().meta({ format: "date" });
const int = z.number().int();

export const programIssueSchema = z.object({ path: z.string(), message: z.string() });

export const programSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(PROGRAM_STATUSES),
  currentRevision: int.nullable(),
  type: z.enum(PROGRAM_TYPES),
  sku: z.string(),
  priceMinor: int,
  currency: z.string(),
  activeSubscriptions: int,
  openFlags: int,
  updatedAt: instant,
});

export const programDetailSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  status: z.enum(PROGRAM_STATUSES),
  currentRevision: int.nullable(),
  parent: z.object({ id: z.string(), sku: z.string(), priceMinor: int, currency: z.string() }),
  draft: draftDefinitionSchema,
  substitutions: z.array(substitutionSchema),
  revisions: z.array(z.object({ revision: int, publishedAt: instant })),
});

export const catalogItemSchema = z.object({ id: z.string(), sku: z.string(), name: z.string(), kind: z.enum(PRODUCT_KIND_VALUES), priceMinor: int });

export const flagViewSchema = z.object({
  id: z.string(),
  programId: z.string(),
  programName: z.string(),
  phantomName: z.string(),
  shipDate: localDate,
  flagDate: localDate,
  overdue: z.boolean(),
});

export const previewRowSchema = z.object({
  shipmentIndex: int,
  date: localDate,
  generationDate: localDate,
  eventNumber: int,
  productId: z.string(),
  productName: z.string(),
  /** What ships: the substitute for a phantom; null when the phantom has no substitute then. */
  shipsProductId: z.string().nullable(),
  shipsName: z.string().nullable(),
  substituted: z.boolean(),
  missingSubstitute: z.boolean(),
});

export const retentionReportSchema = z.object({
  ks: z.array(int),
  versions: z.array(
    z.object({
      versionId: z.string(),
      subscribers: int,
      /** Keyed by k (shipments received); `rate` is null with no eligible subscriptions. */
      byK: z.record(z.string(), z.object({ eligible: int, retained: int, rate: z.number().nullable() })),
    }),
  ),
});

export const publicProgramSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  type: z.string(),
  priceMinor: int,
  currency: z.string(),
});

export const myEnrollmentSchema = z.object({
  subscriptionId: z.string(),
  programId: z.string(),
  programName: z.string(),
  status: z.string(),
  joinedOn: localDate,
  shipmentsProcessed: int,
});

export const timelineEntrySchema = z.object({
  shipmentIndex: int,
  date: localDate,
  eventNumber: int.nullable(),
  itemName: z.string(),
  shipsName: z.string().nullable(),
  substituted: z.boolean(),
  status: z.enum(["shipped", "opted_out", "missed", "scheduled", "skipping", "missing_substitute"]),
  orderId: z.string().nullable(),
  orderNumber: int.nullable(),
  /** Upcoming only: the last local date the customer may opt out / back in. */
  changeableUntil: localDate.nullable(),
  canChange: z.boolean(),
});

export const enrollmentTimelineSchema = z.object({
  subscriptionId: z.string(),
  programId: z.string(),
  programName: z.string(),
  status: z.string(),
  revision: int,
  versionId: z.string(),
  joinedOn: localDate,
  billing: z.object({
    schedule: z.enum(PAYMENT_SCHEDULES),
    shipmentValueMinor: int,
    shipmentCount: int.nullable(),
    totalMinor: int.nullable(),
    charges: z.array(z.object({ shipmentIndex: int, amountMinor: int })),
  }),
  ledger: z.object({ charged: int, refunded: int, credited: int, writtenOff: int }),
  entries: z.array(timelineEntrySchema),
});

export const settlementSchema = z.object({ refundMinor: int, creditMinor: int, owedMinor: int, writtenOffMinor: int });

export const workbenchRowSchema = z.object({
  subscriptionId: z.string(),
  customerEmail: z.string(),
  customerName: z.string(),
  status: z.string(),
  revision: int,
  versionId: z.string(),
  joinedOn: localDate,
  shipmentsProcessed: int,
  childOrders: int,
});

const previewShipmentSchema = z.object({
  shipmentIndex: int,
  date: localDate,
  eventNumber: int,
  itemName: z.string(),
  shipsName: z.string().nullable(),
});
export const workbenchPreviewRowSchema = z.object({
  subscriptionId: z.string(),
  fromRevision: int,
  toRevision: int,
  fromVersion: z.string(),
  toVersion: z.string(),
  before: z.array(previewShipmentSchema),
  after: z.array(previewShipmentSchema),
  changed: z.boolean(),
  endsNow: z.boolean(),
});

export const workbenchJobSchema = z.object({
  id: z.string(),
  programId: z.string(),
  toRevision: int,
  batchSize: int,
  status: z.enum(JOB_STATUS_VALUES),
  processed: int,
  applied: int,
  unchanged: int,
  total: int,
  createdBy: z.string().nullable(),
  createdAt: instant,
  finishedAt: instant.nullable(),
});

const admin = "/api/v1/admin/programs";
const tag = "Programs (admin)";
const portalTag = "Programs";
const params = { id: uuidPath };
const created = z.object({ id: z.string() }).register(responseSchemas, { id: "CreatedProgram" });
/** Which shipment to opt out of / back in to. Bounded like every integer we take in: above int4 it used to reach PostgreSQL and fail there. */
const shipmentBody = z
  .object({
    shipmentIndex: z
      .number({ error: "Choose a shipment" })
      .int({ error: "Choose a shipment" })
      .min(0, { error: "Choose a shipment" })
      .max(10_000, { error: "No such shipment" }),
  })
  .register(requestSchemas, { id: "ShipmentChoice" });

export const programRoutes = {
  list: defineRoute({
    method: "GET",
    path: admin,
    summary: "Every program with its counts",
    tag,
    response: z.object({ programs: z.array(programSummarySchema) }),
    errors: [401, 403],
  }),
  create: defineRoute({
    method: "POST",
    path: admin,
    summary: "Create a draft program and its parent product",
    tag,
    body: createProgramSchema,
    status: 201,
    response: created,
    errors: [400, 401, 403, 422],
  }),
  flags: defineRoute({
    method: "GET",
    path: `${admin}/flags`,
    summary: "Needs attention: open missing-substitution flags, soonest first",
    tag,
    response: z.object({ flags: z.array(flagViewSchema) }),
    errors: [401, 403],
  }),
  products: defineRoute({
    method: "GET",
    path: `${admin}/products`,
    summary: "What a series can ship: real items and phantom placeholders",
    tag,
    response: z.object({ products: z.array(catalogItemSchema) }),
    errors: [401, 403],
  }),
  createPhantom: defineRoute({
    method: "POST",
    path: `${admin}/products`,
    summary: 'Create a phantom ("item of the month") product',
    tag,
    body: createPhantomSchema,
    status: 201,
    response: catalogItemSchema,
    errors: [400, 401, 403, 422],
  }),
  detail: defineRoute({
    method: "GET",
    path: `${admin}/{id}`,
    summary: "A program's draft, substitutions and revisions",
    tag,
    params,
    response: programDetailSchema,
    errors: [401, 403, 404],
  }),
  save: defineRoute({
    method: "PUT",
    path: `${admin}/{id}`,
    summary: "Save the draft and the (live) substitutions calendar; returns the draft's activation issues",
    tag,
    params,
    body: saveProgramSchema,
    response: z.object({ issues: z.array(programIssueSchema) }),
    errors: [400, 401, 403, 404, 409, 422],
  }),
  activate: defineRoute({
    method: "POST",
    path: `${admin}/{id}/activate`,
    summary: "Publish the saved draft as the next revision (422 with field paths when invalid)",
    tag,
    params,
    response: z.object({ revision: int }),
    errors: [401, 403, 404, 409, 422],
  }),
  duplicate: defineRoute({
    method: "POST",
    path: `${admin}/{id}/duplicate`,
    summary: "A draft copy under a new name and parent SKU",
    tag,
    params,
    body: createPhantomSchema,
    status: 201,
    response: created,
    errors: [400, 401, 403, 404, 422],
  }),
  preview: defineRoute({
    method: "POST",
    path: `${admin}/{id}/preview`,
    summary: "The editor's preview of the (unsaved) draft for a hypothetical joiner",
    tag,
    params,
    body: editorPreviewSchema,
    response: z.object({ issues: z.array(programIssueSchema), rows: z.array(previewRowSchema) }),
    errors: [400, 401, 403, 404, 422],
  }),
  retention: defineRoute({
    method: "GET",
    path: `${admin}/{id}/retention`,
    summary: "Share of subscribers still on board after k shipments, per series version",
    tag,
    params,
    response: retentionReportSchema,
    errors: [401, 403, 404],
  }),
  workbenchSubscriptions: defineRoute({
    method: "GET",
    path: `${admin}/{id}/subscriptions`,
    summary: "Workbench: the program's subscriptions matching the filters",
    tag,
    params,
    query: workbenchFilterSchema,
    response: z.object({ currentRevision: int.nullable(), rows: z.array(workbenchRowSchema) }),
    errors: [401, 403, 404, 422],
  }),
  workbenchPreview: defineRoute({
    method: "POST",
    path: `${admin}/{id}/workbench/preview`,
    summary: "Per-subscription effect of moving to the current revision: next 3 shipments before/after",
    tag,
    params,
    body: workbenchPreviewSchema,
    response: z.object({ previews: z.array(workbenchPreviewRowSchema) }),
    errors: [400, 401, 403, 404, 422],
  }),
  workbenchApply: defineRoute({
    method: "POST",
    path: `${admin}/{id}/workbench/jobs`,
    summary: "Queue the job that moves the subscriptions to the current revision (poll the job for progress)",
    tag,
    params,
    body: workbenchApplySchema,
    status: 202,
    response: z.object({ jobId: z.string(), total: int }),
    errors: [400, 401, 403, 404, 409, 422],
  }),
  workbenchJob: defineRoute({
    method: "GET",
    path: `${admin}/{id}/workbench/jobs/{jobId}`,
    summary: "Progress of a workbench job",
    tag,
    params: { id: uuidPath, jobId: uuidPath },
    response: z.object({ job: workbenchJobSchema }),
    errors: [401, 403, 404],
  }),
  portalList: defineRoute({
    method: "GET",
    path: "/api/v1/programs",
    summary: "Programs open for joining",
    tag: portalTag,
    response: z.object({ programs: z.array(publicProgramSchema) }),
    errors: [401, 403],
  }),
  portalProgram: defineRoute({
    method: "GET",
    path: "/api/v1/programs/{id}",
    summary: "The program as you would get it joining today: version and next 12 shipments",
    tag: portalTag,
    params,
    response: z.object({
      program: publicProgramSchema,
      joinDate: localDate,
      versionId: z.string(),
      plannedShipments: int.nullable(),
      preview: z.array(previewRowSchema),
      enrolledSubscriptionId: z.string().nullable(),
    }),
    errors: [401, 403, 404],
  }),
  join: defineRoute({
    method: "POST",
    path: "/api/v1/programs/{id}/join",
    summary: "Join the program today (creates the subscription and its first orders)",
    tag: portalTag,
    params,
    status: 201,
    response: z.object({ subscriptionId: z.string(), orderIds: z.array(z.string()) }),
    errors: [401, 403, 404, 409, 422],
  }),
  enrollments: defineRoute({
    method: "GET",
    path: "/api/v1/programs/enrollments",
    summary: "Your program subscriptions",
    tag: portalTag,
    response: z.object({ enrollments: z.array(myEnrollmentSchema) }),
    errors: [401, 403],
  }),
  timeline: defineRoute({
    method: "GET",
    path: "/api/v1/programs/enrollments/{subscriptionId}",
    summary: "One program subscription's timeline: shipped, opted out, upcoming",
    tag: portalTag,
    params: { subscriptionId: uuidPath },
    response: enrollmentTimelineSchema,
    errors: [401, 403, 404],
  }),
  optOut: defineRoute({
    method: "POST",
    path: "/api/v1/programs/enrollments/{subscriptionId}/opt-outs",
    summary: "Opt out of one upcoming shipment (until its processing lead)",
    tag: portalTag,
    params: { subscriptionId: uuidPath },
    body: shipmentBody,
    response: z.object({ ok: z.literal(true) }),
    errors: [400, 401, 403, 404, 409, 422],
  }),
  optIn: defineRoute({
    method: "DELETE",
    path: "/api/v1/programs/enrollments/{subscriptionId}/opt-outs",
    summary: "Opt back in to a shipment (until its processing lead)",
    tag: portalTag,
    params: { subscriptionId: uuidPath },
    body: shipmentBody,
    response: z.object({ ok: z.literal(true) }),
    errors: [400, 401, 403, 404, 409, 422],
  }),
  cancel: defineRoute({
    method: "POST",
    path: "/api/v1/programs/enrollments/{subscriptionId}/cancel",
    summary: "Cancel the program subscription and settle a prepaid plan",
    tag: portalTag,
    params: { subscriptionId: uuidPath },
    response: z.object({ settlement: settlementSchema.nullable() }),
    errors: [401, 403, 404, 409],
  }),
};
