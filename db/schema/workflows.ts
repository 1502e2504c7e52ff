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
