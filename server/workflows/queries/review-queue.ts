import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/** Manual-review states of every published version (few rows), joined to orders by state. */
const REVIEW_STATES = sql`review_states AS (
  SELECT v.id AS version_id, s->>'id' AS state, s->>'label' AS label
  FROM workflow_versions v, jsonb_array_elements(v.definition->'states') s
  WHERE (s->>'manualReview')::boolean IS TRUE)`;

export type ReviewItem = {
  orderId: string;
  number: number;
  customerName: string;
  totalMinor: number;
  currency: string;
  state: string;
  stateLabel: string;
  enteredAt: string;
  ageSeconds: number;
  seq: number;
};

/**
 * Orders waiting in a manual-review state of their pinned version, oldest first — the
 * queue reviewers work through. `seq` identifies the visit a decision is for.
 */
export async function listReviewQueue(db: DbOrTx, opts: { now: Date; limit?: number }): Promise<ReviewItem[]> {
  const rows = await db.execute<{
    id: string;
    number: number;
    customer_name: string;
    total_minor: string | number;
    currency: string;
    state: string;
    label: string;
    entered_at: string;
    seq: number;
  }>(sql`
    WITH ${REVIEW_STATES}
    SELECT o.id, o.number, c.name AS customer_name, o.total_minor, o.currency, o.state, r.label,
      o.state_entered_at AS entered_at, o.transition_seq AS seq
    FROM review_states r
    JOIN orders o ON o.state = r.state AND o.workflow_version_id = r.version_id
    JOIN customers c ON c.id = o.customer_id
    ORDER BY o.state_entered_at, o.number
    LIMIT ${opts.limit ?? 200}`);
  return rows.map((r) => {
    const enteredAt = new Date(r.entered_at);
    return {
      orderId: r.id,
      number: r.number,
      customerName: r.customer_name,
      totalMinor: Number(r.total_minor),
      currency: r.currency,
      state: r.state,
      stateLabel: r.label,
      enteredAt: enteredAt.toISOString(),
      seq: r.seq,
      ageSeconds: Math.max(0, Math.floor((opts.now.getTime() - enteredAt.getTime()) / 1000)),
    };
  });
}

/** Queue size and the age of its oldest item, for the dashboard. */
export async function reviewQueueSummary(db: DbOrTx, now: Date): Promise<{ count: number; oldestAgeSeconds: number | null }> {
  const [row] = await db.execute<{ count: number; oldest: string | null }>(sql`
    WITH ${REVIEW_STATES}
    SELECT count(*)::int AS count, min(o.state_entered_at) AS oldest
    FROM review_states r JOIN orders o ON o.state = r.state AND o.workflow_version_id = r.version_id`);
  const oldest = row?.oldest ? new Date(row.oldest) : null;
  return { count: row?.count ?? 0, oldestAgeSeconds: oldest ? Math.max(0, Math.floor((now.getTime() - oldest.getTime()) / 1000)) : null };
}
