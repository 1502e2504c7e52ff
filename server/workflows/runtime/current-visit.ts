import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { orders } from "@/db/schema";
import { loadVersion, type PinnedVersion } from "../store/load-definition";

export type CurrentVisit = { orderId: string; state: string; seq: number; pinned: PinnedVersion };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The order's current state visit with its pinned definition; null if missing or not started. */
export async function currentVisit(db: DbOrTx, orderId: string): Promise<CurrentVisit | null> {
  return (await currentVisits(db, [orderId])).get(orderId) ?? null;
}

/** currentVisit for many orders in one query; missing or unstarted ones are absent. */
export async function currentVisits(db: DbOrTx, orderIds: readonly string[]): Promise<Map<string, CurrentVisit>> {
  // Ids arrive from URLs and events: a malformed one is simply not an order.
  const ids = [...new Set(orderIds.filter((id) => UUID.test(id)))];
  const out = new Map<string, CurrentVisit>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({ id: orders.id, state: orders.state, seq: orders.transitionSeq, versionId: orders.workflowVersionId })
    .from(orders)
    // = ANY(array): one statement text whatever the batch size (IN (…) re-prepares per size).
    .where(sql`${orders.id} = ANY(${`{${ids.join(",")}}`}::uuid[])`);
  for (const row of rows) {
    if (row.versionId === null) continue;
    out.set(row.id, { orderId: row.id, state: row.state, seq: row.seq, pinned: await loadVersion(db, row.versionId) });
  }
  return out;
}
