import { createDb } from "../db/client";
import { ok } from "../server/workflows/actions/action-result";
import { defaultRuntimeDeps } from "../server/workflows/runtime/default-runtime-deps";
import { applyOrderEvent } from "../server/workflows/runtime/apply-order-event";
import { runOrderState, type StateEnteredInput } from "../server/workflows/runtime/run-order-state";
import type { RuntimeDeps } from "../server/workflows/runtime/runtime-deps";
import type { RuntimeSteps } from "../server/workflows/runtime/runtime-steps";
import { startOrderWorkflow } from "../server/workflows/runtime/start-order-workflow";
import { seedDefaultWorkflow } from "../server/workflows/store/seed-default-workflow";
import type { Benchmark, BenchContext } from "./lib/benchmark";
import { seedWorkflowOrders } from "./workflow/seed";

/**
 * Workflow engine throughput and overhead. N orders go through the default workflow
 * (created → validation → processing → ready_to_ship, then order/shipped → shipped) with
 * INSTANT actions, so what is measured is the engine: loading the visit, recording each
 * action try, deriving facts, evaluating guards, the guarded commit + audit row, settling.
 * Driven in-process with the same runOrderState Inngest runs (no HTTP, no executor queue)
 * against Postgres: first LATENCY_ORDERS one at a time (overhead per transition, p50/p95), then
 * the rest CONCURRENCY at a time (transitions/s).
 */
const ORDERS = Number(process.env.BENCH_WORKFLOW_ORDERS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_WORKFLOW_CONCURRENCY ?? 8);
/** Orders driven one at a time first, to measure the engine's own latency per transition. */
const LATENCY_ORDERS = Number(process.env.BENCH_WORKFLOW_LATENCY_ORDERS ?? 200);
const TARGET_TPS = 100;
const TARGET_P95_MS = 50;

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

/** Steps that run inline and capture the next state-entered event instead of sending it. */
function inlineSteps(next: StateEnteredInput[]): RuntimeSteps {
  return {
    run: (_id, fn) => fn(),
    sleep: async () => {},
    waitForEvent: async () => null,
    sendEvent: async (_id, events) => {
      for (const e of events) if (e.name === "order/state.entered") next.push(e.data as StateEnteredInput);
    },
  };
}

async function driveOrder(deps: RuntimeDeps, orderId: string, perTransition: number[], counts: { transitions: number; runs: number }) {
  const started = await startOrderWorkflow(deps.db, orderId, deps.now());
  if (!started) throw new Error(`order ${orderId} did not start`);
  const queue: StateEnteredInput[] = [{ orderId, state: started.state, versionId: started.versionId, seq: started.seq }];
  const steps = inlineSteps(queue);
  for (let input = queue.shift(); input; input = queue.shift()) {
    const t0 = performance.now();
    const outcome = await runOrderState(steps, deps, input);
    const ms = performance.now() - t0;
    counts.runs++;
    if (outcome.kind === "moved") {
      perTransition.push(ms);
      counts.transitions++;
    } else if (outcome.kind === "waiting" && input.state === "ready_to_ship") {
      const t1 = performance.now();
      const shipped = await applyOrderEvent(deps.db, { orderId, event: "order/shipped", actor: { type: "system", id: "bench" }, now: deps.now(), homeCountry: deps.homeCountry });
      if (!shipped.applied) throw new Error(`order ${orderId} did not ship: ${shipped.reason}`);
      perTransition.push(performance.now() - t1);
      counts.transitions++;
      queue.push({ orderId, state: shipped.to, versionId: shipped.versionId, seq: shipped.seq });
    } else if (outcome.kind !== "terminal") {
      throw new Error(`order ${orderId}: unexpected outcome ${JSON.stringify(outcome)} in ${input.state}`);
    }
  }
}

const benchmark: Benchmark = {
  name: "workflow",
  description: `default workflow, instant actions: ${fmt(ORDERS)} orders (${fmt(LATENCY_ORDERS)} one at a time, the rest ${CONCURRENCY} at a time): engine overhead per transition and transitions/s`,
  async run(ctx: BenchContext) {
    const database = await ctx.createDatabase("replen_bench_workflow");
    const client = createDb(database.url, CONCURRENCY + 2);
    try {
      await seedDefaultWorkflow(client.db, { approvalThresholdMinor: 50_000 });
      await seedWorkflowOrders(client.sql, ORDERS);
      const ids = (await client.sql<{ id: string }[]>`SELECT id FROM orders ORDER BY number`).map((r) => r.id);
      const deps = defaultRuntimeDeps({
        db: client.db, dunningDelaysMs: [], sendEmail: async () => {},
        executor: { execute: async () => ok() },
      });
      ctx.log(`seeded ${fmt(ids.length)} orders`);

      // Phase 1, overhead: one order at a time, so a transition's latency is the engine's own
      // work (queries, commit) and not queueing behind our other workers.
      const latency: number[] = [];
      const counts = { transitions: 0, runs: 0 };
      const solo = ids.slice(0, Math.min(LATENCY_ORDERS, ids.length));
      for (const id of solo) await driveOrder(deps, id, latency, counts);
      // Phase 2, throughput: CONCURRENCY orders in flight at once.
      const rest = ids.slice(solo.length);
      const underLoad: number[] = [];
      const before = counts.transitions;
      let next = 0;
      const start = performance.now();
      await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
        for (let i = next++; i < rest.length; i = next++) await driveOrder(deps, rest[i]!, underLoad, counts);
      }));
      const wallS = (performance.now() - start) / 1000;
      const throughputTransitions = counts.transitions - before;

      const [check] = await client.sql<{ shipped: number; transitions: number; attempts: number }[]>`
        SELECT (SELECT count(*)::int FROM orders WHERE state = 'shipped') AS shipped,
               (SELECT count(*)::int FROM audit_log WHERE action = 'transition') AS transitions,
               (SELECT count(*)::int FROM order_action_attempts) AS attempts`;
      if (check?.shipped !== ids.length || check.transitions !== counts.transitions) {
        throw new Error(`verification failed: ${JSON.stringify(check)}, expected ${ids.length} shipped and ${counts.transitions} transitions`);
      }
      const sorted = [...latency].sort((a, b) => a - b);
      const loaded = [...underLoad].sort((a, b) => a - b);
      const tps = throughputTransitions / wallS;
      const p50 = pct(sorted, 0.5);
      const p95 = pct(sorted, 0.95);
      const lines = [
        `throughput: ${fmt(throughputTransitions)} transitions (${fmt(rest.length)} orders × 4, ${CONCURRENCY} at a time) in ${wallS.toFixed(1)} s → ${fmt(tps)} transitions/s, ${fmt(rest.length / wallS)} orders/s end to end` +
          ` (latency under that load p50 ${pct(loaded, 0.5).toFixed(1)} ms, p95 ${pct(loaded, 0.95).toFixed(1)} ms)`,
        `engine overhead per transition, one order at a time (${fmt(solo.length)} orders; load visit, ${fmt(check.attempts / ids.length)} recorded action tries per order, facts, guards, commit + audit): ` +
          `p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`,
        `server: ${ctx.serverLabel}`,
      ];
      for (const l of lines) ctx.log(l);
      return {
        summary: lines,
        targets: [
          { name: `≥ ${TARGET_TPS} transitions/s (${fmt(tps)})`, met: tps >= TARGET_TPS },
          { name: `p95 engine overhead per transition < ${TARGET_P95_MS} ms (${p95.toFixed(1)} ms)`, met: p95 < TARGET_P95_MS },
        ],
      };
    } finally {
      await client.sql.end();
      await database.drop();
    }
  },
};

export default benchmark;
