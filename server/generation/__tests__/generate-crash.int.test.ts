import { spawn } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, getDb } from "@/db/client";
import { generateAllDue } from "../generate-due";
import { makeCustomer, makeProduct, stockOf } from "@/test/support/generation/factories";

const now = new Date("2027-01-31T14:00:00Z");
const root = path.resolve(__dirname, "../../..");
const pools: ReturnType<typeof createDb>[] = [];
afterAll(() => Promise.all(pools.map((p) => p.sql.end())));

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const count = async (query: ReturnType<typeof sql>) => Number((await getDb().execute<{ n: number }>(query))[0]!.n);

describe("a generator killed mid-batch", () => {
  it("loses nothing: its open batch rolls back and a rerun generates every due cycle exactly once", async () => {
    const db = getDb();
    const first = await makeProduct(db, { stock: 1000 });
    const second = await makeProduct(db, { stock: 1000 });
    const customer = await makeCustomer(db);
    // 100 subscriptions on `first` fall due before 100 on `second`, so batches 1–5 (of 20)
    // touch only `first` and batch 6 needs `second`'s inventory row.
    await db.execute(sql`
      INSERT INTO subscriptions (customer_id, product_id, quantity, frequency, anchor_date, local_time, time_zone, next_run_at)
      SELECT ${customer.id}::uuid, CASE WHEN g <= 100 THEN ${first.id}::uuid ELSE ${second.id}::uuid END, 1, 'monthly',
             '2027-01-31', '09:00', 'America/New_York', ${now.toISOString()}::timestamptz - make_interval(secs => 1000 - g)
      FROM generate_series(1, 200) g`);

    // Hold `second`'s stock row so batch 6 blocks INSIDE its transaction (orders already inserted, uncommitted).
    const holder = createDb(process.env.DATABASE_URL!, 1);
    pools.push(holder);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let lockTaken!: () => void;
    const taken = new Promise<void>((r) => (lockTaken = r));
    const holding = holder.sql.begin(async (tx) => {
      await tx`SELECT 1 FROM inventory WHERE product_id = ${second.id} FOR UPDATE`;
      lockTaken();
      await held;
    });
    await taken;

    // `node --import tsx`, not the `tsx` CLI: the CLI runs the script in a grandchild, which
    // would survive killing the process we hold.
    const child = spawn(
      process.execPath,
      [
        "--conditions=react-server",
        "--import",
        "tsx",
        "server/generation/__tests__/generator-child.ts",
        process.env.DATABASE_URL!,
        now.toISOString(),
        "20",
      ],
      { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
    );
    const exited = new Promise<NodeJS.Signals | null>((r) => child.once("exit", (_code, signal) => r(signal)));
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    const pid = await until("the child to connect", async () => Number(/pid (\d+)/.exec(out)?.[1]) || undefined);

    // The child's backend is now blocked on the held row lock in the middle of batch 6.
    await until(
      "the child to block in batch 6",
      async () => (await count(sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ${pid} AND wait_event_type = 'Lock'`)) === 1,
    );
    expect(await count(sql`SELECT count(*)::int AS n FROM orders`)).toBe(100);
    expect(await count(sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ${pid} AND xact_start IS NOT NULL`)).toBe(1);

    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    expect(out).not.toContain("done");
    release();
    await holding;
    // Its backend finishes the blocked statement, can't reach the dead client, and aborts the transaction.
    await until(
      "the orphaned backend to go away",
      async () => (await count(sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ${pid}`)) === 0,
    );

    expect(await count(sql`SELECT count(*)::int AS n FROM orders`)).toBe(100);
    expect(await count(sql`SELECT count(*)::int AS n FROM subscriptions WHERE next_cycle_index = 0`)).toBe(100);
    expect((await stockOf(db, second.id)).reserved).toBe(0);

    const rerun = await generateAllDue(db, { now, batchSize: 20 });
    expect(rerun.created).toBe(100);
    const [totals] = await db.execute<{ orders: number; distinct_subs: number; behind: number }>(sql`
      SELECT count(*)::int AS orders, count(DISTINCT subscription_id)::int AS distinct_subs,
             (SELECT count(*)::int FROM subscriptions WHERE next_cycle_index <> 1) AS behind
      FROM orders WHERE cycle_index = 0`);
    expect(totals).toEqual({ orders: 200, distinct_subs: 200, behind: 0 });
    expect([(await stockOf(db, first.id)).reserved, (await stockOf(db, second.id)).reserved]).toEqual([100, 100]);
  });
});
