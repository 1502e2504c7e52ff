import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { orderAuditRows } from "@/server/orders/order-audit-rows";

/** A non-transition event in an order's timeline (action failure, stuck, settled…). */
export async function auditOrder(
  db: DbOrTx,
  e: { orderId: string; action: string; state: string; now: Date; data: Record<string, unknown>; actorId?: string },
): Promise<void> {
  await db.execute(
    orderAuditRows(
      {
        at: sql`${e.now.toISOString()}::timestamptz`,
        actorType: sql`'system'`,
        actorId: sql`${e.actorId ?? "workflow"}::text`,
        entityId: sql`${e.orderId}::text`,
        action: sql`${e.action}::text`,
        fromState: sql`${e.state}::text`,
        toState: sql`${e.state}::text`,
        data: sql`${JSON.stringify(e.data)}::jsonb`,
      },
      // One row: the fragment inserts one per source row.
      sql`(VALUES (1)) AS one(row)`,
    ),
  );
}
