import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { orders } from "@/db/schema";
import { loadVersion, type PinnedVersion } from "../store/load-definition";

export type CurrentVisit = { orderId: string; state: string; seq: number; pinned: PinnedVersion };

/** The order's current state visit with its pinned definition; null if missing or not started. */
export async function currentVisit(db: DbOrTx, orderId: string): Promise<CurrentVisit | null> {
  // Ids arrive from URLs and events: a malformed one is simply not an order.
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(orderId)) return null;
  const [row] = await db
    .select({ state: orders.state, seq: orders.transitionSeq, versionId: orders.workflowVersionId })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (!row || row.versionId === null) return null;
  return { orderId, state: row.state, seq: row.seq, pinned: await loadVersion(db, row.versionId) };
}
