import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { OrderSample, OrderSelection } from "../admin/operate.schema";

/**
 * The WHERE clause (over `orders o`) for a selection inside one workflow: always limited to
 * that workflow's versions, then every given filter. Shared by the preview, the drill-down
 * and the bulk job's batches, so all three select the same orders.
 */
export function selectionWhere(workflowId: number, f: OrderSelection): SQL {
  const parts: SQL[] = [sql`o.workflow_version_id IN (SELECT id FROM workflow_versions WHERE workflow_id = ${workflowId})`];
  if (f.state !== undefined) parts.push(sql`o.state = ${f.state}`);
  if (f.versionId !== undefined) parts.push(sql`o.workflow_version_id = ${f.versionId}`);
  if (f.channel !== undefined) parts.push(sql`o.channel = ${f.channel}`);
  if (f.enteredFrom !== undefined) parts.push(sql`o.state_entered_at >= ${f.enteredFrom}::timestamptz`);
  if (f.enteredTo !== undefined) parts.push(sql`o.state_entered_at < ${f.enteredTo}::timestamptz`);
  if (f.error !== undefined) {
    const like = `%${f.error.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`EXISTS (SELECT 1 FROM order_action_attempts x WHERE x.order_id = o.id AND x.status = 'failed' AND x.error ILIKE ${like})`);
  }
  return sql.join(parts, sql` AND `);
}

const lastError = sql`(SELECT x.error FROM order_action_attempts x WHERE x.order_id = o.id AND x.status = 'failed' ORDER BY x.at DESC, x.id DESC LIMIT 1)`;

/** How many orders match, and the first `limit` of them (oldest in their state first). */
export async function selectOrders(
  db: DbOrTx,
  workflowId: number,
  f: OrderSelection,
  limit: number,
): Promise<{ count: number; sample: OrderSample[] }> {
  const where = selectionWhere(workflowId, f);
  const [counted, rows] = await Promise.all([
    db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM orders o WHERE ${where}`),
    db.execute<{ id: string; number: number; state: string; version_id: number; channel: string; entered_at: string; last_error: string | null }>(sql`
      SELECT o.id, o.number, o.state, o.workflow_version_id AS version_id, o.channel, o.state_entered_at AS entered_at, ${lastError} AS last_error
      FROM orders o WHERE ${where} ORDER BY o.state_entered_at, o.id LIMIT ${limit}`),
  ]);
  return {
    count: counted[0]?.n ?? 0,
    sample: rows.map((r) => ({
      id: r.id,
      number: r.number,
      state: r.state,
      versionId: r.version_id,
      channel: r.channel,
      enteredAt: new Date(r.entered_at).toISOString(),
      lastError: r.last_error,
    })),
  };
}
