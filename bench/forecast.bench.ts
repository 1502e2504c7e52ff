import postgres from "postgres";
import { createDb } from "../db/client";
import { getDemandForecast } from "../server/forecast/get-demand-forecast";
import type { Benchmark, BenchContext } from "./lib/benchmark";
import { samplePeakMemory } from "./lib/memory";
import { seedDueSubscriptions } from "./generation/seed";

/**
 * Demand forecast (#16): `getDemandForecast` over 26 weeks — one streamed read of the book,
 * generation's planCycle replayed per subscription, typed-array aggregation — for each scale
 * (BENCH_SCALES, default 100k and 1M subscriptions). The book is the generation bench's (six
 * zones, weekly to quarterly, four times of day, 100 products) plus 2 % with a skip ahead and 1 %
 * paused until two weeks out. Targets (the issue's): 100k < 2 s, 1M < 20 s, wall time including
 * the read. Peak memory is reported.
 */
const SCALES = (process.env.BENCH_SCALES ?? "100000,1000000").split(",").map(Number);
const WEEKS = 26;
const TARGET_S: Record<number, number> = { 100_000: 2, 1_000_000: 20 };

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const label = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));

async function seedBook(sql: postgres.Sql, n: number, now: Date) {
  await seedDueSubscriptions(sql, n, now);
  await sql`
    INSERT INTO cycle_overrides (subscription_id, cycle_index, kind)
    SELECT id, next_cycle_index + 2, 'skip' FROM subscriptions WHERE abs(hashtext(id::text)) % 50 = 0`;
  await sql`
    UPDATE subscriptions SET status = 'paused', paused_until = (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')::date + 14
    WHERE abs(hashtext(id::text)) % 100 = 1`;
  await sql`ANALYZE`;
}

const benchmark: Benchmark = {
  name: "forecast",
  description: `getDemandForecast, ${WEEKS} weeks, scales ${SCALES.map(label).join(", ")}`,
  async run(ctx: BenchContext) {
    const database = await ctx.createDatabase("replen_bench_forecast");
    const admin = postgres(database.url, { max: 1, onnotice: () => {} });
    const summary: string[] = [];
    const targets: { name: string; met: boolean }[] = [];
    try {
      for (const n of SCALES) {
        const now = new Date();
        const seedStart = performance.now();
        await seedBook(admin, n, now);
        ctx.log(`${label(n)}: seeded ${fmt(n)} subscriptions in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

        // No statement timeout here: the bench reports how long the read takes rather than dying at
        // the app pool's 60 s (on a loaded machine the 1M cursor can run past it).
        const reader = createDb(database.url, { max: 2, statementTimeoutMs: 0 });
        // Warm-up on a tiny window: module loading and JIT are not what is measured.
        await getDemandForecast(reader.db, { weeks: 1, segment: { timeZone: "Asia/Tokyo" } }, now);
        const memory = samplePeakMemory();
        const start = performance.now();
        const forecast = await getDemandForecast(reader.db, { weeks: WEEKS }, now);
        const wallS = (performance.now() - start) / 1000;
        const peak = memory.stop();
        await reader.sql.end();

        const units = forecast.skus.reduce((a, s) => a + s.total, 0);
        const orders = forecast.weekly.reduce((a, w) => a + w.orders, 0);
        if (forecast.tally.subscriptions !== n) throw new Error(`forecast read ${forecast.tally.subscriptions} subscriptions, expected ${n}`);
        if (orders === 0 || forecast.skus.length === 0) throw new Error("forecast found no orders");
        const short = forecast.skus.filter((s) => s.firstShortWeek !== null).length;
        const line =
          `${label(n)} × ${WEEKS} weeks: ${wallS.toFixed(2)} s (${fmt(n / wallS)} subscriptions/s), ${fmt(orders)} orders, ` +
          `${fmt(units)} units, ${forecast.skus.length} SKUs (${short} short); ${fmt(forecast.memo.misses)} walks for ${fmt(forecast.memo.hits + forecast.memo.misses)} override-free subscriptions; peak RSS ${peak.rssMb.toFixed(0)} MB (heap ${peak.heapMb.toFixed(0)} MB)`;
        ctx.log(line);
        summary.push(line);
        const target = TARGET_S[n];
        if (target !== undefined)
          targets.push({ name: `${label(n)} × ${WEEKS} weeks in under ${target} s (${wallS.toFixed(2)} s)`, met: wallS < target });
      }
    } finally {
      await admin.end();
      await database.drop();
    }
    summary.push(`server: ${ctx.serverLabel}`);
    return { summary, targets };
  },
};

export default benchmark;
