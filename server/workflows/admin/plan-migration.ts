import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invalid } from "@/server/errors/app-error";
import type { MigrationRequest, OrderSample } from "./operate.schema";
import { loadWorkflowVersionOrThrow } from "./load-workflow-version";

export type MigrationPlan = {
  fromVersionId: number;
  toVersionId: number;
  /** Every in-flight state of the source version: where its orders go (null: they stay). */
  states: Array<{ from: string; to: string | null; count: number }>;
  /** The resolved mapping the migration freezes (mapped states only). */
  mapping: Record<string, string>;
  migratable: number;
  unmappable: number;
  /** Up to 20 orders that cannot be mapped (and stay pinned to the source version). */
  unmappableSample: OrderSample[];
};

/**
 * Resolves a migration between two published versions of a workflow: each non-final state of
 * the source maps to the state the request names, else the same-named state of the target,
 * else nowhere. A mapping naming an unknown or final source state, or a target state that
 * does not exist, is refused with the offending field. Counts come from the orders now.
 */
export async function planMigration(db: DbOrTx, workflowId: number, req: MigrationRequest): Promise<MigrationPlan> {
  if (req.fromVersionId === req.toVersionId) throw invalid({ toVersionId: "Choose a different version to migrate to" });
  const [from, to] = await Promise.all([
    loadWorkflowVersionOrThrow(db, workflowId, req.fromVersionId, "fromVersionId"),
    loadWorkflowVersionOrThrow(db, workflowId, req.toVersionId, "toVersionId"),
  ]);
  const open = from.definition.states.filter((s) => s.kind !== "terminal").map((s) => s.id);
  const targets = new Set(to.definition.states.map((s) => s.id));
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.mapping)) {
    if (!open.includes(k)) fields[`mapping.${k}`] = `Version ${from.version} has no in-flight state "${k}"`;
    else if (!targets.has(v)) fields[`mapping.${k}`] = `Version ${to.version} has no state "${v}"`;
  }
  if (Object.keys(fields).length > 0) throw invalid(fields, "The state mapping names states that do not exist");
  const mapping: Record<string, string> = {};
  for (const s of open) {
    const target = req.mapping[s] ?? (targets.has(s) ? s : undefined);
    if (target !== undefined) mapping[s] = target;
  }
  const counts = await db.execute<{ state: string; n: number }>(sql`
    SELECT state, count(*)::int AS n FROM orders WHERE workflow_version_id = ${from.versionId} GROUP BY state`);
  const countOf = new Map(counts.map((c) => [c.state, c.n]));
  const states = open.map((s) => ({ from: s, to: mapping[s] ?? null, count: countOf.get(s) ?? 0 }));
  const unmapped = open.filter((s) => mapping[s] === undefined);
  const sample = await db.execute<{ id: string; number: number; state: string; channel: string; entered_at: string }>(sql`
    SELECT id, number, state, channel, state_entered_at AS entered_at FROM orders
    WHERE workflow_version_id = ${from.versionId} AND state = ANY(${`{${unmapped.map((s) => `"${s.replace(/["\\]/g, "\\$&")}"`).join(",")}}`}::text[])
    ORDER BY state_entered_at, id LIMIT 20`);
  return {
    fromVersionId: from.versionId,
    toVersionId: to.versionId,
    states,
    mapping,
    migratable: states.filter((s) => s.to !== null).reduce((n, s) => n + s.count, 0),
    unmappable: states.filter((s) => s.to === null).reduce((n, s) => n + s.count, 0),
    unmappableSample: sample.map((r) => ({
      id: r.id,
      number: r.number,
      state: r.state,
      versionId: from.versionId,
      channel: r.channel,
      enteredAt: new Date(r.entered_at).toISOString(),
      lastError: null,
    })),
  };
}
