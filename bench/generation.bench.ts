import postgres from "postgres";
import { createDb } from "../db/client";
import { generateAllDue } from "../server/generation/generate-due";
import type { Benchmark, BenchContext } from "./lib/benchmark";
import { startCpuMeter, walPosition } from "./lib/cpu";
import { samplePeakMemory } from "./lib/memory";
import { insertAllOrdersAtOnce } from "./generation/physical-limit";
import { seedDueSubscriptions } from "./generation/seed";

/**
 * Order generation throughput. For each scale (BENCH_SCALES, default 100k and 1M due
 * subscriptions): seed; measure the physical limit (one INSERT … SELECT of the same orders +
 * lines); run `generateAllDue` on the same data; measure the limit again (same cycles, after
 * VACUUM) — the machine is shared, so the limit is taken before and after and the FASTER of
 * the two is the yardstick. Targets: generator ≥ 50 % of the limit's orders/s; 1M in < 120 s.
 * CPU seconds and WAL bytes are reported too: they barely move with other people's load.
 */
const SCALES = (process.env.BENCH_SCALES ?? "100000,1000000").split(",").map(Number);
const BATCH_SIZE = Number(process.env.BENCH_BATCH_SIZE ?? 5000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const RATIO_TARGET = 0.5;
const MILLION_TARGET_S = 120;

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const label = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));
const mb = (bytes: bigint) => `${(Number(bytes) / 1048576).toFixed(0)} MB`;

interface Phase {
  wallS: number;
  nodeCpuS: number;
  pgCpuS: number | null;
  walBytes: bigint;
}

/** Runs `fn` measuring wall time, CPU of this process and of the database's backends, and WAL. */
async function measure<T>(admin: postgres.Sql, database: string, fn: () => Promise<T>): Promise<[T, Phase]> {
  await admin`CHECKPOINT`; // nothing left over from the previous phase is flushed during this one
  const meter = await startCpuMeter(admin, database);
  const wal = await walPosition(admin);
  const start = performance.now();
  const value = await fn();
  const wallS = (performance.now() - start) / 1000;
  const walBytes = (await walPosition(admin)) - wal;
  const cpu = await meter.stop();
  return [value, { wallS, nodeCpuS: cpu.nodeS, pgCpuS: cpu.postgresS, walBytes }];
}

function describe(name: string, n: number, p: Phase) {
  const cpu = p.pgCpuS === null ? "" : `, CPU ${p.pgCpuS.toFixed(1)} s postgres + ${p.nodeCpuS.toFixed(1)} s node`;
  return `${name.padEnd(16)} ${p.wallS.toFixed(1).padStart(6)} s  ${fmt(n / p.wallS).padStart(7)} orders/s  (WAL ${mb(p.walBytes)}${cpu})`;
}

const benchmark: Benchmark = {
  name: "generation",
  description: `generateAllDue vs one INSERT … SELECT of the same orders (batch ${fmt(BATCH_SIZE)}, ${WORKERS} worker${WORKERS > 1 ? "s" : ""}, scales ${SCALES.map(label).join(", ")})`,
  async run(ctx: BenchContext) {
    const database = await ctx.createDatabase("replen_bench_generation");
    const dbName = new URL(database.url).pathname.slice(1);
    const admin = postgres(database.url, { max: 1, onnotice: () => {} });
    const summary: string[] = [];
    const targets: { name: string; met: boolean }[] = [];
    try {
      for (const n of SCALES) {
        const now = new Date();
        const seedStart = performance.now();
        await seedDueSubscriptions(admin, n, now);
        ctx.log(`${label(n)}: seeded ${fmt(n)} due subscriptions in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

        const [before, limit1] = await measure(admin, dbName, () => insertAllOrdersAtOnce(admin, now, "due"));
        if (before !== n) throw new Error(`limit inserted ${before} orders, expected ${n}`);
        ctx.log(describe("limit (before)", n, limit1));
        await admin`TRUNCATE orders, order_lines CASCADE`;

        const generator = createDb(database.url, WORKERS + 1);
        const memory = samplePeakMemory();
        const [result, gen] = await measure(admin, dbName, () => generateAllDue(generator.db, { now, batchSize: BATCH_SIZE, workers: WORKERS }));
        const peak = memory.stop();
        await generator.sql.end();
        ctx.log(
          `${describe("generator", n, gen)}; ${result.batches} batches, ${fmt(result.backordered)} backordered, ` +
            `peak RSS ${peak.rssMb.toFixed(0)} MB (heap ${peak.heapMb.toFixed(0)} MB)`,
        );
        await verify(admin, n, now);

        await admin`TRUNCATE orders, order_lines CASCADE`;
        await admin`VACUUM ANALYZE subscriptions`;
        const [after, limit2] = await measure(admin, dbName, () => insertAllOrdersAtOnce(admin, now, "previous"));
        if (after !== n) throw new Error(`limit (after) inserted ${after} orders, expected ${n}`);
        ctx.log(describe("limit (after)", n, limit2));

        const limitS = Math.min(limit1.wallS, limit2.wallS);
        const ratio = limitS / gen.wallS;
        const limitCpu = limit1.pgCpuS !== null && limit2.pgCpuS !== null ? Math.min(limit1.pgCpuS, limit2.pgCpuS) : null;
        const cpuRatio = limitCpu !== null && gen.pgCpuS !== null ? limitCpu / (gen.pgCpuS + gen.nodeCpuS) : null;
        const line =
          `${label(n)}: generator ${fmt(n / gen.wallS)} orders/s (${gen.wallS.toFixed(1)} s), limit ${fmt(n / limitS)} orders/s ` +
          `(${limitS.toFixed(1)} s) → ${(ratio * 100).toFixed(0)} % of the limit` +
          (cpuRatio === null ? "" : `; per CPU-second ${(cpuRatio * 100).toFixed(0)} %`) +
          `; peak RSS ${peak.rssMb.toFixed(0)} MB`;
        ctx.log(line);
        summary.push(line);
        targets.push({
          name: `${label(n)}: generator ≥ ${RATIO_TARGET * 100} % of the physical limit (${(ratio * 100).toFixed(0)} %)`,
          met: ratio >= RATIO_TARGET,
        });
        if (n === 1_000_000)
          targets.push({ name: `1M orders in under ${MILLION_TARGET_S} s (${gen.wallS.toFixed(1)} s)`, met: gen.wallS < MILLION_TARGET_S });
      }
    } finally {
      await admin.end();
      await database.drop();
    }
    summary.push(`server: ${ctx.serverLabel}`);
    return { summary, targets };
  },
};

/** The run is only a result if it was correct: one order per subscription, every cursor moved. */
async function verify(sql: postgres.Sql, n: number, now: Date) {
  const [row] = await sql`
    SELECT (SELECT count(*)::int FROM orders) AS orders,
           (SELECT count(DISTINCT (subscription_id, cycle_index))::int FROM orders) AS distinct_cycles,
           (SELECT count(*)::int FROM order_lines) AS lines,
           (SELECT count(*)::int FROM subscriptions WHERE next_run_at > ${now.toISOString()}::timestamptz) AS advanced,
           (SELECT count(*)::int FROM audit_log WHERE action = 'cycle_generated') AS audits,
           (SELECT count(*)::int FROM inventory WHERE reserved > on_hand) AS oversold`;
  const expected = { orders: n, distinct_cycles: n, lines: n, advanced: n, audits: n, oversold: 0 };
  for (const [key, value] of Object.entries(expected)) {
    if (row?.[key] !== value) throw new Error(`verification failed: ${key} = ${row?.[key]}, expected ${value}`);
  }
}

export default benchmark;
