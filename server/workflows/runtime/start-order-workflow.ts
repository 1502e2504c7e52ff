import "server-only";
import { sql } from "drizzle-orm";
import { orderAuditRows } from "@/server/orders/order-audit-rows";
import type { Database } from "@/db/client";
import { NEW_ORDER_STATE } from "@/server/orders/order-states";
import { liveVersionForNewOrders } from "../store/live-version";
import { loadVersion } from "../store/load-definition";

export type StartedOrder = { orderId: string; state: string; versionId: number; seq: number; pinnedNow: boolean };

/**
 * Pins new orders to the live version of their workflow and puts them in its initial state:
 * one guarded statement for the whole batch (`workflow_version_id IS NULL`, with an audit row
 * per pinned order). A duplicate order/created, or a publish in between, never re-pins an
 * order — its existing pin is returned so the caller can drive it (or re-send its
 * deduplicated event). Orders that do not exist are left out.
 */
export async function startOrderWorkflows(db: Database, orderIds: readonly string[], now: Date): Promise<StartedOrder[]> {
  if (orderIds.length === 0) return [];
  const live = await liveVersionForNewOrders(db);
  const { definition } = await loadVersion(db, live.versionId);
  const initial = definition.states.find((s) => s.kind === "initial");
  if (!initial) throw new Error(`workflow version ${live.versionId} has no initial state`);
  const ids = `{${[...new Set(orderIds)].join(",")}}`;
  const at = now.toISOString();
  const rows = await db.execute<{ id: string; state: string; version_id: number; seq: number; pinned_now: boolean }>(sql`
    WITH pinned AS (
      UPDATE orders SET workflow_version_id = ${live.versionId}, state = ${initial.id}, state_entered_at = ${at}::timestamptz
      -- Still new: an order cancelled before its workflow started (a channel's cancel) stays cancelled.
      WHERE id = ANY(${ids}::uuid[]) AND workflow_version_id IS NULL AND state = ${NEW_ORDER_STATE}
      RETURNING id, transition_seq
    ), audited AS (${orderAuditRows(
      {
        at: sql`${at}::timestamptz`,
        actorType: sql`'system'`,
        actorId: sql`'workflow'`,
        entityId: sql`p.id::text`,
        action: sql`'workflow_started'`,
        fromState: sql`NULL`,
        toState: sql`${initial.id}`,
        data: sql`jsonb_build_object('versionId', ${live.versionId}::int, 'version', ${live.version}::int, 'workflowId', ${live.workflowId}::int, 'seq', p.transition_seq)`,
      },
      sql`pinned p`,
    )})
    SELECT id::text, ${initial.id} AS state, ${live.versionId}::int AS version_id, transition_seq AS seq, true AS pinned_now FROM pinned
    UNION ALL
    -- The statement's snapshot predates its own UPDATE: these were pinned before.
    SELECT o.id::text, o.state, o.workflow_version_id, o.transition_seq, false FROM orders o
    WHERE o.id = ANY(${ids}::uuid[]) AND o.workflow_version_id IS NOT NULL`);
  return rows.map((r) => ({ orderId: r.id, state: r.state, versionId: r.version_id, seq: r.seq, pinnedNow: r.pinned_now }));
}

/** startOrderWorkflows for one order; null when the order does not exist. */
export async function startOrderWorkflow(db: Database, orderId: string, now: Date): Promise<StartedOrder | null> {
  const [started] = await startOrderWorkflows(db, [orderId], now);
  return started ?? null;
}
