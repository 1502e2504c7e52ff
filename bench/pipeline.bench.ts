import { createDb } from "../db/client";
import { startLocalExecutor } from "../tools/inngest-local/executor";
import { generateAllDue } from "../server/generation/generate-due";
import { seedDemo } from "../server/seed/seed-demo";
import { defaultRuntimeDeps } from "../server/workflows/runtime/default-runtime-deps";
import { createInProcessDriver } from "../server/workflows/runtime/in-process-driver";
import { startAndDriveOrders } from "../server/workflows/runtime/start-and-drive-orders";
import { seedDefaultWorkflow } from "../server/workflows/store/seed-default-workflow";
import { seedDueSubscriptions } from "./generation/seed";
import type { Benchmark, BenchContext } from "./lib/benchmark";
import { mapLimit } from "../server/lib/map-limit";
import { localSecrets } from "../scripts/lib/local-secrets";
import { freePort, peakRssMb, startAppServer } from "./pipeline/app-server";
import { checkInvariants, pipelineProgress, statementCounter } from "../test/support/renewal-invariants";
import { percentile, startPortalProbe } from "./pipeline/portal-probe";

/**
 * Renewal day through the real path (#10): N subscriptions due at once → the scheduled
 * generation cron → order/created → the default workflow with the built-in test gateway and
 * in-stock inventory (two products short, so backorders happen too), until every order is
 * settled — all through the app's real serve() handler in a production `next start` and the
 * local executor over HTTP, as `npm run dev` runs them (production build, NODE_ENV=production).
 * A signed-in customer uses the portal throughout. Then the same work in-process (generation +
 * the batch driver, same real actions, no HTTP) on a fresh database, for the ratio.
 *
 * Verified, not assumed: one order per due cycle, every order settled, one audit row per
 * transition, no payment authorized twice (pipeline/invariants.ts).
 */
const ORDERS = Number(process.env.BENCH_PIPELINE_ORDERS ?? 20_000);
const TIMEOUT_MS = Number(process.env.BENCH_PIPELINE_TIMEOUT_MS ?? Math.max(600_000, ORDERS * 10));
const POOL = Number(process.env.DATABASE_POOL_MAX ?? 10);
/** BENCH_PIPELINE_COMPARE=0 skips the in-process run (for a 1M wave, where it would double the time). */
const COMPARE = process.env.BENCH_PIPELINE_COMPARE !== "0";
/** Progress is polled with a GROUP BY over all orders: less often for big waves. */
const POLL_MS = Math.max(250, Math.round(ORDERS / 500));
/** From the issue: the portal's p95 stays under 500 ms; end to end ≥ 50 % of in-process; 1M < 1 h. */
const TARGET_PORTAL_P95_MS = 500;
const TARGET_RATIO = 0.5;
const TARGET_1M_SECONDS = 3_600;

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

async function seed(url: string, now: Date) {
  const client = createDb(url, { max: 2, guardNestedCheckout: false, statementTimeoutMs: 0 });
  try {
    await seedDueSubscriptions(client.sql, ORDERS, now);
    await seedDemo(client.db);
    await seedDefaultWorkflow(client.db);
    await client.sql`ANALYZE`;
  } finally {
    await client.sql.end();
  }
}

/** The same renewal day in-process: generation, then the batch driver with real actions. */
async function inProcess(ctx: BenchContext): Promise<{ seconds: number; ordersPerSecond: number }> {
  const database = await ctx.createDatabase("replen_bench_pipeline_inproc");
  const runs = Number(process.env.WORKFLOW_BATCH_RUNS ?? 2);
  const parallelism = Number(process.env.WORKFLOW_BATCH_PARALLELISM ?? 3);
  const client = createDb(database.url, { max: POOL, guardNestedCheckout: false });
  try {
    const now = new Date();
    await seed(database.url, now);
    const deps = defaultRuntimeDeps({ db: client.db, sendEmail: async () => {} });
    const t0 = performance.now();
    const generated = await generateAllDue(client.db, { now, batchSize: 1000, workers: 2, collectOrders: true });
    const ids = generated.orders.map((o) => o.orderId);
    const batches: string[][] = [];
    const size = Number(process.env.WORKFLOW_BATCH_SIZE ?? 100);
    for (let i = 0; i < ids.length; i += size) batches.push(ids.slice(i, i + size));
    // What the batch driver hands over (backorders) runs as per-order runs, sleeps skipped.
    const driver = createInProcessDriver(deps, { parallelism });
    await mapLimit(batches, runs, async (b) => driver.enqueue((await startAndDriveOrders(deps, b, { parallelism })).events));
    await driver.drain();
    const seconds = (performance.now() - t0) / 1000;
    const progress = await pipelineProgress(client.sql);
    if (progress.orders !== ORDERS || progress.settled !== ORDERS) throw new Error(`in-process run did not settle: ${JSON.stringify(progress)}`);
    return { seconds, ordersPerSecond: ORDERS / seconds };
  } finally {
    await client.sql.end();
    await database.drop();
  }
}

const benchmark: Benchmark = {
  name: "pipeline",
  description: `renewal day, real path: ${fmt(ORDERS)} due subscriptions → generation → workflow → settled, through next start + /api/inngest + the local executor over HTTP (pool ${POOL})`,
  async run(ctx: BenchContext) {
    const database = await ctx.createDatabase("replen_bench_pipeline");
    const now = new Date();
    await seed(database.url, now);
    const monitor = createDb(database.url, { max: 2, guardNestedCheckout: false, statementTimeoutMs: 0 });
    const statements = await statementCounter(monitor.sql);
    const appPort = await freePort();
    const executor = await startLocalExecutor({ appUrl: `http://127.0.0.1:${appPort}/api/inngest`, port: 0, log: "warn", cron: true });
    const app = await startAppServer({
      port: appPort,
      distDir: ".next-bench",
      log: ctx.log,
      env: {
        DATABASE_URL: database.url,
        DATABASE_POOL_MAX: String(POOL),
        INNGEST_DEV: "1",
        INNGEST_BASE_URL: executor.url,
        NEXTAUTH_URL: `http://127.0.0.1:${appPort}`,
        APP_URL: `http://127.0.0.1:${appPort}`,
        ...localSecrets(),
        SMTP_URL: "smtp://127.0.0.1:1", // no mail in this wave
      },
    });
    try {
      await executor.whenSynced();
      const probe = await startPortalProbe(app.url, { email: "customer@replen.dev", password: "replen-demo" });
      await statements.reset();
      const callsBefore = Number(executor.status().calls);
      const t0 = Date.now();
      executor.tickCron(new Date(t0)); // the minute's cron: generation starts now
      let progress = await pipelineProgress(monitor.sql);
      let lastLog = 0;
      while (Date.now() - t0 < TIMEOUT_MS) {
        progress = await pipelineProgress(monitor.sql);
        if (progress.orders === ORDERS && progress.settled === ORDERS) break;
        if (Date.now() - lastLog > 10_000) {
          ctx.log(
            `  ${((Date.now() - t0) / 1000).toFixed(0)} s: ${fmt(progress.orders)} orders, ${fmt(progress.settled)} settled ${JSON.stringify(progress.byState)}`,
          );
          lastLog = Date.now();
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
      const seconds = (Date.now() - t0) / 1000;
      await probe.stop();
      const calls = Number(executor.status().calls) - callsBefore;
      // Where the time went: each function's runs, batch sizes and run durations.
      const byFunction = new Map<string, { runs: number; events: number; ms: number[] }>();
      for (const r of executor.runs()) {
        const f = byFunction.get(r.functionId) ?? { runs: 0, events: 0, ms: [] };
        f.runs++;
        f.events += r.batchSize;
        if (r.endedAt) f.ms.push(r.endedAt - r.startedAt);
        byFunction.set(r.functionId, f);
      }
      const runLines = [...byFunction]
        .filter(([, f]) => f.runs > 1)
        .map(
          ([id, f]) =>
            `${id.replace(/^replen-/, "")}: ${f.runs} runs, ${(f.events / f.runs).toFixed(0)} events/run, p50 ${percentile(f.ms, 0.5).toFixed(0)} ms, p95 ${percentile(f.ms, 0.95).toFixed(0)} ms`,
        );
      const sqlStatements = await statements.count();
      const inv = await checkInvariants(monitor.sql, { expectedOrders: ORDERS, startedAt: new Date(t0) });
      const appRss = peakRssMb(app.pid);
      const ops = progress.settled / seconds;

      ctx.log(COMPARE ? `in-process comparison (same seed and actions, no HTTP) …` : "in-process comparison skipped (BENCH_PIPELINE_COMPARE=0)");
      const local = COMPARE ? await inProcess(ctx) : null;
      const ratio = local ? ops / local.ordersPerSecond : Number.NaN;
      const portal = [...probe.latencies.page, ...probe.latencies.data];
      const portalP95 = percentile(portal, 0.95);
      const stuck = ORDERS - progress.settled;
      const projected1M = 1_000_000 / ops;
      const lines = [
        `end to end: ${fmt(progress.settled)}/${fmt(ORDERS)} orders settled in ${seconds.toFixed(1)} s → ${fmt(ops)} orders/s (${JSON.stringify(progress.byState)})`,
        `per order: ${(calls / ORDERS).toFixed(2)} HTTP calls executor → /api/inngest (${fmt(calls)}), ${sqlStatements.per(ORDERS)} SQL statements (${sqlStatements.label})`,
        `due → settled: p50 ${(inv.latencyMs.p50 / 1000).toFixed(1)} s, p95 ${(inv.latencyMs.p95 / 1000).toFixed(1)} s (ready to ship: ${fmt(inv.readyToShip)})`,
        `portal during the wave (${fmt(portal.length)} requests, ${probe.failures()} failed): p50 ${percentile(portal, 0.5).toFixed(0)} ms, p95 ${portalP95.toFixed(0)} ms; /api/health p95 ${percentile(probe.latencies.health, 0.95).toFixed(0)} ms`,
        `runs (last ${fmt(executor.runs().length)} kept): ${runLines.join("; ")}`,
        `peak RSS: app server ${fmt(appRss)} MB, bench + executor ${fmt(process.resourceUsage().maxRSS / 1024)} MB`,
        local
          ? `in-process (generation + batch driver, same actions): ${fmt(local.ordersPerSecond)} orders/s (${local.seconds.toFixed(1)} s) → end to end is ${(ratio * 100).toFixed(0)} % of it`
          : "in-process comparison not run",
        `invariants: ${inv.problems.length === 0 ? "one order per due cycle, all settled, one audit row per transition, no double authorization" : inv.problems.join("; ")}`,
        `projected 1M renewal day at this rate: ${(projected1M / 60).toFixed(1)} min`,
      ];
      for (const l of lines) ctx.log(l);
      return {
        summary: lines,
        figures: { ordersPerSecond: ops, portalP95Ms: portalP95, ratio },
        targets: [
          { name: `${fmt(ORDERS)} due subscriptions settle with zero stuck orders (${fmt(stuck)} stuck)`, met: stuck === 0 },
          { name: `invariants hold (${inv.problems.length} problems)`, met: inv.problems.length === 0 },
          {
            name: `portal p95 < ${TARGET_PORTAL_P95_MS} ms during the wave (${portalP95.toFixed(0)} ms, ${probe.failures()} failures)`,
            met: portalP95 < TARGET_PORTAL_P95_MS && probe.failures() === 0,
          },
          ...(local
            ? [{ name: `end to end ≥ ${TARGET_RATIO * 100} % of in-process (${(ratio * 100).toFixed(0)} %)`, met: ratio >= TARGET_RATIO }]
            : []),
          ...(ORDERS >= 1_000_000
            ? [{ name: `1M renewal day to ready-to-ship < 1 h (${(seconds / 60).toFixed(1)} min)`, met: seconds < TARGET_1M_SECONDS && stuck === 0 }]
            : []),
        ],
      };
    } finally {
      await executor.stop();
      await app.stop();
      await monitor.sql.end();
      await database.drop();
    }
  },
};

export default benchmark;
