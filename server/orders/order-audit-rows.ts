import { type SQL } from "drizzle-orm";
import { auditRowsSql, type AuditRowColumns } from "@/server/lib/audit-rows-sql";

export type OrderAuditColumns = AuditRowColumns;

/**
 * THE insert of order audit rows, as a fragment for the statement that makes the change (the
 * workflow runtime's transitions, pins, settlements and redrives; insertOrders' creation rows):
 * the row's shape lives here once, and the audit row commits with the change or not at all.
 */
export function orderAuditRows(cols: OrderAuditColumns, from: SQL): SQL {
  return auditRowsSql("order", cols, from);
}
