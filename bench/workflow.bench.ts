import { createDb } from "../db/client";
import { ok } from "../server/workflows/actions/action-result";
import { applyOrderEvent } from "../server/workflows/runtime/apply-order-event";
import { handleOrderEvents } from "../server/workflows/runtime/handle-order-event";
import { defaultRuntimeDeps } from "../server/workflows/runtime/default-runtime-deps";
import { driveOrders } from "../server/workflows/runtime/drive-orders";
import { runOrderState, type StateEnteredInput } from "../server/workflows/runtime/run-order-state";
import type { RuntimeDeps } from "../server/workflows/runtime/runtime-deps";
import type { RuntimeEvent, RuntimeSteps } from "../server/workflows/runtime/runtime-steps";
import { startAndDriveOrders } from "../server/workflows/runtime/start-and-drive-orders";
import { startOrderWorkflow } from "../server/workflows/runtime/start-order-workflow";
import { seedDefaultWorkflow } from "../server/workflows/store/seed-default-workflow";
import type { Benchmark, BenchContext } from "./lib/benchmark";
import { mapLimit } from "../server/lib/map-limit";
import { seedWorkflowOrders } from "./workflow/seed";

/**
 * Workflow engine throughput and overhead, in-process (no HTTP, no executor), against
 * Postgres, with INSTANT actions, so what is measured is the engine: loading visits, recording
 * each action try, deriving facts, evaluating guards, the guarded commits + audit rows,
 * settling. N orders go created → validation → processing → ready_to_ship, then order/shipped
 * → shipped (settled).
 *  - per-order path (runOrderState, what a retry/approval/timeout visit runs): LATENCY_ORDERS
 *    one at a time → overhead per transition p50/p95;
 *  - batch path (startAndDriveOrders / driveOrders, what renewal day runs): the rest, in
 *    batches of BATCH_SIZE, RUNS batches at once, PARALLELISM orders at a time per batch —
 *    the production defaults → transitions/s and orders/s.
 */
const ORDERS = Number(process.env.BENCH_WORKFLOW_ORDERS ?? 20_000);
const LATENCY_ORDERS = Number(process.env.BENCH_WORKFLOW_LATENCY_ORDERS ?? 200);
const BATCH_SIZE = Number(process.env.WORKFLOW_BATCH_SIZE ?? 100);
const RUNS = Number(process.env.WORKFLOW_BATCH_RUNS ?? 2);
const PARALLELISM = Number(process.env.WORKFLOW_BATCH_PARALLELISM ?? 3);
/** From the issue (#10): ≥ 2,000 transitions/s, i.e. ≥ 500 orders/s through the default workflow. */
const TARGET_TPS = 2_000;
const TARGET_ORDERS_PS = 500;
const TARGET_P95_MS = 50;

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

/** Steps that run inline and collect what would be sent. */
function inlineSteps(sent: RuntimeEvent[]): RuntimeSteps {
  return {
    run: (_id, fn) => fn(),
    sleep: async () => {},
    waitForEvent: async () => null,
    sendEvent: async (_id, events) => {
      sent.push(...events);
    },
  };
}

/** The per-order path, one order at a time: returns the latency of each transition. */
async function driveOneByOne(deps: RuntimeDeps, orderId: string, perTransition: number[]) {
  const started = await startOrderWorkflow(deps.db, orderId, deps.now());
  if (!started) throw new Error(`order ${orderId} did not start`);
  const sent: RuntimeEvent[] = [];
  const queue: StateEnteredInput[] = [{ orderId, state: started.state, versionId: started.versionId, seq: started.seq }];
  for (let input = queue.shift(); input; input = queue.shift()) {
    const t0 = performance.now();
    const outcome = await runOrderState(inlineSteps(sent), deps, input);
    const ms = performance.now() - t0;
    if (outcome.kind === "moved") {
      perTransition.push(ms);
      queue.push({ orderId, state: outcome.to, versionId: input.versionId, seq: outcome.seq });
    } else if (outcome.kind === "waiting" && input.state === "ready_to_ship") {
      const t1 = performance.now();
      const shipped = await ship(deps, orderId);
      perTransition.push(performance.now() - t1);
      queue.push({ orderId, state: shipped.to, versionId: shipped.versionId, seq: shipped.seq });
    } else if (outcome.kind !== "terminal") {
      throw new Error(`order ${orderId}: unexpected outcome ${JSON.stringify(outcome)} in ${input.state}`);
    }
  }
}

async function ship(deps: RuntimeDeps, orderId: string) {
  const shipped = await applyOrderEvent(deps.db, {
    orderId,
    event: "order/shipped",
    actor: { type: "system", id: "bench" },
    now: deps.now(),
    homeCountry: deps.homeCountry,
  });
  if (!shipped.applied) throw new Error(`order ${orderId} did not ship: ${shipped.reason}`);
  return shipped;
}

/** The batch path for one batch of new orders, to shipped and settled, as production runs it. */
async function driveBatch(deps: RuntimeDeps, ids: string[]) {
  const started = await startAndDriveOrders(deps, ids, { parallelism: PARALLELISM });
  if (started.waiting !== ids.length) throw new Error(`batch: ${JSON.stringify({ ...started, events: started.events.length })}`);
  // The WMS confirms the shipments (a batch of order/shipped, as apply-order-event takes
  // them), then the shipped visits are driven as a batch, which settles them.
  const shipped = await handleOrderEvents(
    deps.db,
    ids.map((orderId) => ({ event: "order/shipped", orderId })),
    { now: deps.now(), homeCountry: deps.homeCountry, actorId: "bench" },
  );
  const visits = shipped.next.map((e) => e.data as StateEnteredInput);
  const settled = await driveOrders(deps, visits, { parallelism: PARALLELISM });
  if (settled.settled !== ids.length) throw new Error(`settle: ${JSON.stringify({ ...settled, events: settled.events.length })}`);
}

const benchmark: Benchmark = {
  name: "workflow",
  description: `default workflow, instant actions, in-process: ${fmt(LATENCY_ORDERS)} orders one at a time on the per-order path, then ${fmt(ORDERS - LATENCY_ORDERS)} on the batch path (batches of ${BATCH_SIZE}, ${RUNS} at once × ${PARALLELISM})`,
  async run(ctx: BenchContext) {
    const database = await ctx.createDatabase("replen_bench_workflow");
    const client = createDb(database.url, { max: RUNS * PARALLELISM + 2, guardNestedCheckout: false });
    try {
      await seedDefaultWorkflow(client.db, { approvalThresholdMinor: 50_000 });
      await seedWorkflowOrders(client.sql, ORDERS);
      const ids = (await client.sql<{ id: string }[]>`SELECT id FROM orders ORDER BY number`).map((r) => r.id);
      const deps = defaultRuntimeDeps({
        db: client.db,
        dunningDelaysMs: [],
        sendEmail: async () => {},
        executor: { execute: async () => ok() },
      });
      ctx.log(`seeded ${fmt(ids.length)} orders`);

      // Per-order path, one at a time: a transition's latency is the engine's own work.
      const latency: number[] = [];
      const solo = ids.slice(0, Math.min(LATENCY_ORDERS, ids.length));
      for (const id of solo) await driveOneByOne(deps, id, latency);

      // Batch path: RUNS batches in flight at once.
      const rest = ids.slice(solo.length);
      const batches: string[][] = [];
      for (let i = 0; i < rest.length; i += BATCH_SIZE) batches.push(rest.slice(i, i + BATCH_SIZE));
      const [{ n: before } = { n: 0 }] = await client.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'transition'`;
      const start = performance.now();
      await mapLimit(batches, RUNS, (b) => driveBatch(deps, b));
      const wallS = (performance.now() - start) / 1000;

      const [check] = await client.sql<{ shipped: number; transitions: number; attempts: number; reserved: number }[]>`
        SELECT (SELECT count(*)::int FROM orders WHERE state = 'shipped') AS shipped,
               (SELECT count(*)::int FROM audit_log WHERE action = 'transition') AS transitions,
               (SELECT count(*)::int FROM order_action_attempts) AS attempts,
               (SELECT count(*)::int FROM order_lines WHERE reserved_quantity > 0) AS reserved`;
      const expected = ids.length * 4;
      if (check?.shipped !== ids.length || check.transitions !== expected) {
        throw new Error(`verification failed: ${JSON.stringify(check)}, expected ${ids.length} shipped and ${expected} transitions (4 per order)`);
      }
      const transitions = check.transitions - before;
      const sorted = [...latency].sort((a, b) => a - b);
      const tps = transitions / wallS;
      const ops = rest.length / wallS;
      const p95 = pct(sorted, 0.95);
      const lines = [
        `batch path: ${fmt(transitions)} transitions (${fmt(rest.length)} orders × 4, created → shipped and settled) in ${wallS.toFixed(1)} s → ${fmt(tps)} transitions/s, ${fmt(ops)} orders/s`,
        `per-order path, one order at a time (${fmt(solo.length)} orders; load visit, ${fmt(check.attempts / ids.length)} recorded action tries per order, facts, guards, commit + audit): ` +
          `p50 ${pct(sorted, 0.5).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms per transition → ${fmt(1000 / (sorted.reduce((a, b) => a + b, 0) / sorted.length))} transitions/s serial`,
        `server: ${ctx.serverLabel}`,
      ];
      for (const l of lines) ctx.log(l);
      return {
        summary: lines,
        figures: { ordersPerSecond: ops, transitionsPerSecond: tps },
        targets: [
          { name: `≥ ${fmt(TARGET_TPS)} transitions/s in-process (${fmt(tps)})`, met: tps >= TARGET_TPS },
          { name: `≥ ${TARGET_ORDERS_PS} orders/s through the default workflow in-process (${fmt(ops)})`, met: ops >= TARGET_ORDERS_PS },
          { name: `p95 per-order engine overhead per transition < ${TARGET_P95_MS} ms (${p95.toFixed(1)} ms)`, met: p95 < TARGET_P95_MS },
        ],
      };
    } finally {
      await client.sql.end();
      await database.drop();
    }
  },
};

export default benchmark;
