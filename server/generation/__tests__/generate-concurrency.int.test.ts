import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDb, getDb } from "@/db/client";
import { generateAllDue } from "../generate-due";
import {
  makeCustomer,
  makeProduct,
  makeSubscription,
  ordersOf,
  resetGenerationTables,
  stockOf,
  subscriptionOf,
} from "@/test/support/generation/factories";

const now = new Date("2027-01-31T14:00:00Z");
const pools: ReturnType<typeof createDb>[] = [];
const newPool = () => {
  const pool = createDb(process.env.DATABASE_URL!, 4);
  pools.push(pool);
  return pool;
};

async function seed(count: number, stock: number) {
  const db = getDb();
  const products = [await makeProduct(db, { stock }), await makeProduct(db, { stock })];
  const customer = await makeCustomer(db);
  // Bulk-insert so the test is about the generators, not the seeding.
  await db.execute(sql`
    INSERT INTO subscriptions (customer_id, product_id, quantity, frequency, anchor_date, local_time, time_zone, next_run_at)
    SELECT ${customer.id}::uuid, (ARRAY[${products[0]!.id}::uuid, ${products[1]!.id}::uuid])[1 + g % 2], 1 + g % 3, 'monthly',
           '2027-01-31', '09:00', 'America/New_York', ${now.toISOString()}::timestamptz - make_interval(secs => g)
    FROM generate_series(1, ${count}) g`);
  return products;
}

describe("generators running at the same time", () => {
  beforeEach(() => resetGenerationTables(getDb()));
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.sql.end()));
  });

  it("two generators on separate pools create every due order exactly once", async () => {
    const products = await seed(600, 700);
    const [a, b] = await Promise.all([generateAllDue(newPool().db, { now, batchSize: 25 }), generateAllDue(newPool().db, { now, batchSize: 25 })]);
    expect(a.created + b.created).toBe(600);
    expect(a.created).toBeGreaterThan(0);
    expect(b.created).toBeGreaterThan(0);

    const [counts] = await getDb().execute<{ subs: number; orders: number; pairs: number; advanced: number; audits: number }>(sql`
      SELECT (SELECT count(*)::int FROM subscriptions) AS subs,
             (SELECT count(*)::int FROM orders) AS orders,
             (SELECT count(DISTINCT (subscription_id, cycle_index))::int FROM orders WHERE cycle_index = 0) AS pairs,
             (SELECT count(*)::int FROM subscriptions WHERE next_cycle_index = 1) AS advanced,
             (SELECT count(*)::int FROM audit_log WHERE action = 'cycle_generated') AS audits`);
    expect(counts).toEqual({ subs: 600, orders: 600, pairs: 600, advanced: 600, audits: 600 });

    // Stock: the two generators together never reserved more than there is, and exactly what lines hold.
    for (const p of products) {
      const [held] = await getDb().execute<{ reserved: number }>(sql`
        SELECT COALESCE(sum(reserved_quantity), 0)::int AS reserved FROM order_lines WHERE product_id = ${p.id}`);
      const stock = await stockOf(getDb(), p.id);
      expect(stock.reserved).toBe(held!.reserved);
      expect(stock.reserved).toBeLessThanOrEqual(stock.onHand);
    }
  });

  it("a subscription locked by an in-flight cancel is skipped, and never generated once the cancel commits", async () => {
    const db = getDb();
    const doomed = await makeSubscription(db);
    const other = await makeSubscription(db);
    const canceller = newPool();
    let commit!: () => void;
    const released = new Promise<void>((r) => (commit = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const cancel = canceller.sql.begin(async (tx) => {
      await tx`UPDATE subscriptions SET status = 'cancelled', cancelled_at = now(), next_run_at = NULL
               WHERE id = ${doomed.id} AND status = 'active'`;
      locked();
      await released;
    });
    await isLocked;

    const during = await generateAllDue(db, { now, batchSize: 10 });
    expect(during).toMatchObject({ claimed: 1, created: 1 }); // only `other`; SKIP LOCKED passed over `doomed`
    commit();
    await cancel;

    expect((await generateAllDue(db, { now, batchSize: 10 })).claimed).toBe(0);
    expect(await ordersOf(db, doomed.id)).toEqual([]);
    expect(await ordersOf(db, other.id)).toHaveLength(1);
    expect((await subscriptionOf(db, doomed.id)).status).toBe("cancelled");
  });

  it("a subscription paused or cancelled before its cycle is claimed gets no order", async () => {
    const db = getDb();
    const paused = await makeSubscription(db);
    const cancelled = await makeSubscription(db);
    await db.execute(sql`UPDATE subscriptions SET status = 'paused' WHERE id = ${paused.id}`);
    await db.execute(sql`UPDATE subscriptions SET status = 'cancelled', cancelled_at = now() WHERE id = ${cancelled.id}`);
    expect((await generateAllDue(db, { now: new Date("2027-06-01T00:00:00Z"), batchSize: 10 })).claimed).toBe(0);
    expect([...(await ordersOf(db, paused.id)), ...(await ordersOf(db, cancelled.id))]).toEqual([]);
  });
});
