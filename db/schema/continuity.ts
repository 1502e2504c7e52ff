import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import type { JsonShape } from "../vocabulary/json-shapes";
import { PROGRAM_STATUSES } from "../vocabulary/program-status";
import { users } from "./auth";
import { products } from "./catalog";
import { customers } from "./customers";
import { orders } from "./orders";
import { subscriptions } from "./subscriptions";

export const programStatusEnum = pgEnum("program_status", PROGRAM_STATUSES);

/**
 * A continuity program, sold as its parent product (kind `program`). `draft` is what the
 * editor is working on; `current_revision` the latest published definition new joiners get.
 */
export const programs = pgTable("programs", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  parentProductId: uuid("parent_product_id")
    .notNull()
    .unique()
    .references(() => products.id),
  status: programStatusEnum("status").notNull().default("draft"),
  draft: jsonb("draft").$type<JsonShape<"programDraft">>().notNull(),
  currentRevision: integer("current_revision"),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Immutable published definitions (series versions, rules, billing…), numbered 1, 2, 3… */
export const programRevisions = pgTable(
  "program_revisions",
  {
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    definition: jsonb("definition").$type<JsonShape<"programDefinition">>().notNull(),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.revision] }), check("program_revisions_positive", sql`${t.revision} > 0`)],
);

/** The live "item of the month" calendar: phantom → real product for an inclusive date range. */
export const programSubstitutions = pgTable(
  "program_substitutions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id, { onDelete: "cascade" }),
    phantomProductId: uuid("phantom_product_id")
      .notNull()
      .references(() => products.id),
    substituteProductId: uuid("substitute_product_id")
      .notNull()
      .references(() => products.id),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    toDate: date("to_date", { mode: "string" }).notNull(),
  },
  (t) => [
    index("program_substitutions_program_idx").on(t.programId, t.phantomProductId, t.fromDate),
    check("program_substitutions_range", sql`${t.fromDate} <= ${t.toDate}`),
  ],
);

/**
 * A subscription's place in a program (one row per program subscription). `state` is the
 * model's SubscriberState; `revision` the published definition it follows.
 */
export const programEnrollments = pgTable(
  "program_enrollments",
  {
    subscriptionId: uuid("subscription_id")
      .primaryKey()
      .references(() => subscriptions.id, { onDelete: "cascade" }),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    revision: integer("revision").notNull(),
    versionId: text("version_id").notNull(),
    joinedOn: date("joined_on", { mode: "string" }).notNull(),
    state: jsonb("state").$type<JsonShape<"subscriberState">>().notNull(),
    billingPlan: jsonb("billing_plan").$type<JsonShape<"billingPlan">>().notNull(),
    settledAt: timestamp("settled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("program_enrollments_program_idx").on(t.programId, t.revision), index("program_enrollments_customer_idx").on(t.customerId)],
);

/** One scheduled shipment a customer opted out of; deleted again if they opt back in in time. */
export const programOptOuts = pgTable(
  "program_opt_outs",
  {
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => subscriptions.id, { onDelete: "cascade" }),
    shipmentIndex: integer("shipment_index").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.subscriptionId, t.shipmentIndex] })],
);

export const SHIPMENT_OUTCOMES = ["shipped", "opted_out", "missed"] as const;
export const shipmentOutcomeEnum = pgEnum("program_shipment_outcome", SHIPMENT_OUTCOMES);

/** What happened at each processed occasion: the child order and the item it resolved to. */
export const programShipments = pgTable(
  "program_shipments",
  {
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => subscriptions.id, { onDelete: "cascade" }),
    shipmentIndex: integer("shipment_index").notNull(),
    outcome: shipmentOutcomeEnum("outcome").notNull(),
    deliveryDate: date("delivery_date", { mode: "string" }).notNull(),
    eventNumber: integer("event_number"),
    seriesProductId: uuid("series_product_id").references(() => products.id),
    shippedProductId: uuid("shipped_product_id").references(() => products.id),
    substituted: boolean("substituted").notNull().default(false),
    orderId: uuid("order_id").references(() => orders.id),
    revision: integer("revision").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.subscriptionId, t.shipmentIndex] })],
);

export const LEDGER_KINDS = ["charge", "refund", "credit", "write_off"] as const;
export const ledgerKindEnum = pgEnum("program_ledger_kind", LEDGER_KINDS);

/**
 * Money per enrollment per the billing plan: charges at occasions, credits on standing
 * opt-outs, refund/write-off at cancel. `key` makes each entry idempotent ("charge:3").
 */
export const programLedger = pgTable(
  "program_ledger",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => subscriptions.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    kind: ledgerKindEnum("kind").notNull(),
    shipmentIndex: integer("shipment_index"),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("program_ledger_once").on(t.subscriptionId, t.key), check("program_ledger_amount", sql`${t.amountMinor} >= 0`)],
);

export const FLAG_STATUSES = ["open", "resolved"] as const;
export const flagStatusEnum = pgEnum("program_flag_status", FLAG_STATUSES);

/** A phantom with no substitute for an upcoming ship date: fix before `flag_date`. */
export const programFlags = pgTable(
  "program_flags",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id, { onDelete: "cascade" }),
    phantomProductId: uuid("phantom_product_id")
      .notNull()
      .references(() => products.id),
    shipDate: date("ship_date", { mode: "string" }).notNull(),
    flagDate: date("flag_date", { mode: "string" }).notNull(),
    status: flagStatusEnum("status").notNull().default("open"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [unique("program_flags_once").on(t.programId, t.phantomProductId, t.shipDate)],
);

export const WORKBENCH_JOB_STATUSES = ["queued", "running", "done", "failed"] as const;
export const workbenchJobStatusEnum = pgEnum("workbench_job_status", WORKBENCH_JOB_STATUSES);

/** A workbench "apply": move the chosen enrollments to `to_revision`, batch by batch. */
export const workbenchJobs = pgTable(
  "workbench_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id, { onDelete: "cascade" }),
    toRevision: integer("to_revision").notNull(),
    subscriptionIds: uuid("subscription_ids").array().notNull(),
    batchSize: integer("batch_size").notNull(),
    status: workbenchJobStatusEnum("status").notNull().default("queued"),
    /** Ids handled so far (a prefix of subscription_ids); the next batch starts here. */
    processed: integer("processed").notNull().default(0),
    applied: integer("applied").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [check("workbench_jobs_progress", sql`${t.processed} >= 0 AND ${t.processed} <= cardinality(${t.subscriptionIds})`)],
);
