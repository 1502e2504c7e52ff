import { sql, type SQL } from "drizzle-orm";

/** One SQL expression per audit_log column, evaluated per row of the statement's source. */
export interface AuditRowColumns {
  at: SQL;
  actorType: SQL;
  actorId: SQL;
  entityId: SQL;
  action: SQL;
  fromState: SQL;
  toState: SQL;
  data: SQL;
}

/**
 * `INSERT INTO audit_log … SELECT <columns> FROM <from>`: the audit insert as a fragment, so a
 * set-based write can add its audit rows as one more CTE of the same statement. Only the
 * entity's owner calls this (server/orders' orderAuditRows, subscriptions/transition's
 * subscriptionAuditRows), so each entity's rows are written in one place.
 */
export function auditRowsSql(entityType: "order" | "subscription", cols: AuditRowColumns, from: SQL): SQL {
  return sql`INSERT INTO audit_log (at, actor_type, actor_id, entity_type, entity_id, action, from_state, to_state, data)
    SELECT ${cols.at}, ${cols.actorType}, ${cols.actorId}, ${sql.raw(`'${entityType}'`)}, ${cols.entityId}, ${cols.action}, ${cols.fromState}, ${cols.toState}, ${cols.data}
    FROM ${from}`;
}
