import { bigserial, index, integer, jsonb, pgTable, serial, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import type { JsonShape } from "../vocabulary/json-shapes";
import { users } from "./auth";
import { orders } from "./orders";

/**
 * A named workflow with the draft the designer edits. The draft is mutable; what orders run
 * is always an immutable row of `workflow_versions`.
 */
export const workflows = pgTable("workflows", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  draft: jsonb("draft").$type<JsonShape<"workflowDefinition">>().notNull(),
  draftUpdatedAt: timestamp("draft_updated_at", { withTimezone: true }).notNull().defaultNow(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Published definitions, numbered 1, 2, 3… per workflow and never updated: an order pinned
 * to a version (orders.workflow_version_id) runs exactly that definition to the end.
 * The live version of a workflow is its highest number.
 */
export const workflowVersions = pgTable(
  "workflow_versions",
  {
    id: serial("id").primaryKey(),
    workflowId: integer("workflow_id")
      .notNull()
      .references(() => workflows.id, { onDelete: "restrict" }),
    version: integer("version").notNull(),
    definition: jsonb("definition").$type<JsonShape<"workflowDefinition">>().notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [unique("workflow_versions_number").on(t.workflowId, t.version)],
);

/**
 * One row per try of a workflow action: what the retry/failure rates and an order's page
 * read. Unique per (order, state entry, action, attempt) so a replayed step records once.
 */
export const orderActionAttempts = pgTable(
  "order_action_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    /** orders.transition_seq when the state was entered: identifies one visit of a state. */
    stateSeq: integer("state_seq").notNull(),
    stateId: text("state_id").notNull(),
    actionId: text("action_id").notNull(),
    actionType: text("action_type").notNull(),
    attempt: integer("attempt").notNull(),
    /** succeeded | failed */
    status: text("status").notNull(),
    error: text("error"),
    durationMs: integer("duration_ms").notNull().default(0),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("order_action_attempts_once").on(t.orderId, t.stateSeq, t.actionId, t.attempt), index("order_action_attempts_at_idx").on(t.at)],
);

/**
 * A bulk operation or a version migration the operate screens started: the filter it froze,
 * its progress (the UI polls it) and a cursor (the last order id handled) so a crashed run
 * resumes where it stopped. The Inngest job drives it; this row is the truth.
 */
export const workflowOperations = pgTable(
  "workflow_operations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workflowId: integer("workflow_id")
      .notNull()
      .references(() => workflows.id, { onDelete: "cascade" }),
    /** retry | manual_review | cancel | migrate */
    kind: text("kind").notNull(),
    filter: jsonb("filter").$type<Record<string, unknown>>().notNull(),
    /** migrate: { fromVersionId, toVersionId, mapping } */
    params: jsonb("params").$type<Record<string, unknown>>().notNull(),
    /** queued | running | done */
    status: text("status").notNull(),
    total: integer("total").notNull(),
    processed: integer("processed").notNull().default(0),
    succeeded: integer("succeeded").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    cursor: uuid("cursor"),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("workflow_operations_workflow_idx").on(t.workflowId, t.createdAt)],
);

/**
 * One row per order that broke its state's SLA: the claim that makes the alert go out once
 * per order (claim → send after commit → record sent_at). A re-run finds unsent claims.
 */
export const workflowSlaAlerts = pgTable("workflow_sla_alerts", {
  orderId: uuid("order_id")
    .primaryKey()
    .references(() => orders.id, { onDelete: "cascade" }),
  stateId: text("state_id").notNull(),
  stateSeq: integer("state_seq").notNull(),
  claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull(),
  sentAt: timestamp("sent_at", { withTimezone: true }),
});
