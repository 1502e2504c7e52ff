import { sql } from "drizzle-orm";
import { bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Append-only record of every state change: who (actor), what (entity, action, from → to)
 * and why (data: guard inputs, workflow version, attempt…). Written in the same
 * transaction as the change it describes.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorType: text("actor_type").notNull(), // user | system | channel
    actorId: text("actor_id"),
    entityType: text("entity_type").notNull(), // subscription | order | program | workflow …
    entityId: text("entity_id").notNull(),
    action: text("action").notNull(),
    fromState: text("from_state"),
    toState: text("to_state"),
    data: jsonb("data").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_entity_idx").on(t.entityType, t.entityId, t.at),
    // The workflow overlay reads order transitions of a time window (time in state, edge counts).
    index("audit_order_transitions_at_idx")
      .on(t.at)
      .where(sql`entity_type = 'order' AND action = 'transition'`),
  ],
);
