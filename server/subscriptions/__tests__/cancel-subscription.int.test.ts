import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { notifications } from "@/db/schema";
import { generateForRows } from "@/server/generation/generate-for-rows";
import { generateForSubscriptions } from "@/server/generation/generate-for-subscriptions";
import { claimDueSubscriptions } from "@/server/generation/load-subscriptions";
import { cancelLocked, cancelSubscription } from "../cancel-subscription";
import { createSubscription } from "../create-subscription";
import { lockOwnedSubscriptionOrThrow } from "../lock-subscription";
import { pauseSubscription } from "../pause-subscription";
import {
  auditActions,
  createInput,
  errorOf,
  makeCustomer,
  makeProduct,
  NOW,
  ordersOf,
  startEventSink,
  subscriptionRow,
} from "@/test/support/subscriptions/factories";

let sink: Awaited<ReturnType<typeof startEventSink>>;
beforeAll(async () => {
  sink = await startEventSink();
});
afterAll(async () => {
  await sink.close();
});

async function setup() {
  const db = getDb();
  const customer = await makeCustomer(db);
  const product = await makeProduct(db);
  const { subscription } = await createSubscription(db, customer.actor, createInput(product.id), NOW);
  return { db, ...customer, id: subscription.id };
}

/** Cycle 1 (Feb 28, 09:00 New York) is due from this instant on. */
const DUE = new Date("2027-02-28T14:00:00Z");
const MUCH_LATER = new Date("2028-12-31T00:00:00Z");

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Waits until `n` sessions of this database are blocked on a lock (no sleeps in assertions). */
async function lockWaiters(db: Database, n: number) {
  for (let i = 0; i < 500; i++) {
    const [row] = await db.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
    if ((row?.n ?? 0) >= n) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no session started waiting for a lock`);
}

/** One run of the cron generator: claim due rows (SKIP LOCKED) and generate, in one transaction. */
const generatorRun = (db: Database, now: Date) =>
  db.transaction(async (tx) => (await generateForRows(tx, await claimDueSubscriptions(tx, now, 100), now)).orders);

describe("cancel", () => {
  it("active → cancelled with nextRunAt cleared, audit row and notification", async () => {
    const { db, actor, user, id } = await setup();
    const dto = await cancelSubscription(db, actor, id, { reason: "too_much_product", note: "Too much coffee" }, NOW);
    expect(dto).toMatchObject({ status: "cancelled", next: null, cancelledAt: NOW.toISOString() });
    expect((await subscriptionRow(db, id)).nextRunAt).toBeNull();
    expect((await auditActions(db, id)).at(-1)).toMatchObject({
      action: "cancelled",
      actorId: user.id,
      fromState: "active",
      toState: "cancelled",
      data: { reason: "too_much_product", note: "Too much coffee" },
    });
    const inbox = await db.select().from(notifications).where(eq(notifications.customerId, actor.customerId));
    expect(inbox.map((n) => n.kind)).toContain("subscription_cancelled");
    expect(await generatorRun(db, MUCH_LATER)).toEqual([]);
  });

  it("works from paused, is final, and is a 404 for someone else", async () => {
    const { db, actor, id } = await setup();
    const stranger = await makeCustomer(db);
    expect(await errorOf(cancelSubscription(db, stranger.actor, id, {}, NOW))).toMatchObject({ code: "NOT_FOUND" });
    await pauseSubscription(db, actor, id, {}, NOW);
    expect((await cancelSubscription(db, actor, id, {}, NOW)).status).toBe("cancelled");
    expect(await errorOf(cancelSubscription(db, actor, id, {}, NOW))).toMatchObject({ code: "CONFLICT" });
    expect((await auditActions(db, id)).filter((a) => a.action === "cancelled")).toHaveLength(1);
  });
});

describe("cancel is effective immediately, even against a generator mid-batch", () => {
  it("waits for a generator holding the row, then no order follows its commit", async () => {
    const { db, actor, id } = await setup();
    const claimed = deferred();
    const finish = deferred();
    const batch = db.transaction(async (tx) => {
      const rows = await claimDueSubscriptions(tx, DUE, 100);
      claimed.resolve();
      await finish.promise; // the batch is mid-flight, holding the row lock
      return (await generateForRows(tx, rows, DUE)).orders;
    });
    await claimed.promise;
    const cancel = cancelSubscription(db, actor, id, {}, DUE);
    await lockWaiters(db, 1); // the cancel is blocked on the generator's lock
    finish.resolve();

    expect((await batch).map((o) => o.cycleIndex)).toEqual([1]); // committed before the cancel
    expect((await cancel).status).toBe("cancelled");
    expect(await generatorRun(db, MUCH_LATER)).toEqual([]);
    expect(await db.transaction((tx) => generateForSubscriptions(tx, [id], MUCH_LATER))).toEqual([]);
    expect((await ordersOf(db, id)).map((o) => o.cycleIndex)).toEqual([0, 1]);
    const actions = (await auditActions(db, id)).map((a) => a.action);
    expect(actions.lastIndexOf("cycle_generated")).toBeLessThan(actions.indexOf("cancelled"));
  });

  it("while the cancel holds the row, generators skip it (cron) or wait and then find it cancelled", async () => {
    const { db, actor, id } = await setup();
    const inFlight = deferred();
    const commit = deferred();
    const cancel = db.transaction(async (tx) => {
      const row = await lockOwnedSubscriptionOrThrow(tx, actor.customerId, id);
      await cancelLocked(tx, row, actor, {}, DUE);
      inFlight.resolve();
      await commit.promise; // cancelled but not yet committed
    });
    await inFlight.promise;

    // The cron generator skips the locked row instead of waiting for it.
    expect(await generatorRun(db, DUE)).toEqual([]);
    // The lifecycle path (order at confirm) waits for the lock, then sees status = cancelled.
    const direct = db.transaction((tx) => generateForSubscriptions(tx, [id], DUE));
    await lockWaiters(db, 1);
    commit.resolve();
    await cancel;
    expect(await direct).toEqual([]);
    expect(await generatorRun(db, MUCH_LATER)).toEqual([]);
    expect((await ordersOf(db, id)).map((o) => o.cycleIndex)).toEqual([0]);
  });
});
