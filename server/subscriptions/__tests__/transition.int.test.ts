import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { orders } from "@/db/schema";
import { generateAllDue } from "@/server/generation/generate-due";
import {
  addOverride,
  auditOf,
  makeCustomer as makeBareCustomer,
  makeProduct as makeBareProduct,
  makeSubscription,
  resetGenerationTables,
  subscriptionOf,
} from "@/test/support/generation/factories";
import { pauseSubscriptionForDunning } from "@/server/payments/dunning";
import { auditVocabularyOf } from "@/test/support/subscription-audit-vocabulary";
import { cancelSubscription } from "../cancel-subscription";
import { changeSubscription } from "../change-subscription";
import { createSubscription } from "../create-subscription";
import { orderNow } from "../order-now";
import { pauseSubscription } from "../pause-subscription";
import { rescheduleNext } from "../reschedule-next";
import { resumeSubscription } from "../resume-subscription";
import { skipNext, unskipCycle } from "../skip-cycle";
import { SUBSCRIPTION_AUDIT_ACTIONS } from "../subscription-status";
import { advanceCursors, applyTransition, recordFailureStreaks, rescheduleRuns, transitionMany, type CursorMove } from "../transition";
import { createInput, errorOf, makeCustomer, makeProduct, NOW, startEventSink } from "@/test/support/subscriptions/factories";

const at = (iso: string) => new Date(iso);
const SYSTEM = { type: "system", id: "test" } as const;

let sink: Awaited<ReturnType<typeof startEventSink>>;
beforeAll(async () => {
  sink = await startEventSink();
});
afterAll(async () => {
  await sink.close();
});

describe("applyTransition (one row, guarded by status and cursor)", () => {
  beforeEach(() => resetGenerationTables(getDb()));

  it("moves a row still in its `from` state and audits from → to", async () => {
    const db = getDb();
    const row = await makeSubscription(db);
    const updated = await db.transaction((tx) =>
      applyTransition(tx, {
        row,
        set: { status: "paused" },
        action: "paused",
        actor: SYSTEM,
        now: NOW,
        data: { why: "test" },
      }),
    );
    expect(updated).toMatchObject({ status: "paused", updatedAt: NOW });
    expect(await auditOf(db, row.id)).toMatchObject([
      { action: "paused", fromState: "active", toState: "paused", actorType: "system", actorId: "test", data: { why: "test" } },
    ]);
  });

  it("a stale `from` status or cursor is a conflict that writes nothing, no audit row either", async () => {
    const db = getDb();
    const row = await makeSubscription(db);
    await db.transaction((tx) => applyTransition(tx, { row, set: { status: "paused" }, action: "paused", actor: SYSTEM, now: NOW }));
    const after = await subscriptionOf(db, row.id);
    // `row` is the snapshot from before the pause: status active is stale now.
    const stale = await errorOf(
      db.transaction((tx) =>
        applyTransition(tx, {
          row,
          set: { status: "cancelled", cancelledAt: NOW },
          action: "cancelled",
          actor: SYSTEM,
          now: at("2026-12-01T00:00:00Z"),
        }),
      ),
    );
    expect(stale).toMatchObject({ code: "CONFLICT" });
    // Right status, but a generator moved the cursor meanwhile.
    await db.execute(sql`UPDATE subscriptions SET status = 'active', next_cycle_index = 1 WHERE id = ${row.id}`);
    const moved = await errorOf(
      db.transaction((tx) =>
        applyTransition(tx, {
          row,
          set: { status: "paused" },
          action: "paused",
          actor: SYSTEM,
          now: NOW,
        }),
      ),
    );
    expect(moved).toMatchObject({ code: "CONFLICT" });
    expect(await subscriptionOf(db, row.id)).toMatchObject({ status: "active", nextCycleIndex: 1, cancelledAt: null, updatedAt: after.updatedAt });
    expect((await auditOf(db, row.id)).map((a) => a.action)).toEqual(["paused"]);
  });
});

describe("transitionMany (set-based status change)", () => {
  beforeEach(() => resetGenerationTables(getDb()));

  it("moves every row still in `from`, leaves the others alone and audits only the moved ones", async () => {
    const db = getDb();
    const customer = await makeBareCustomer(db);
    const product = await makeBareProduct(db);
    const active: Awaited<ReturnType<typeof makeSubscription>>[] = [];
    for (let i = 0; i < 120; i++) active.push(await makeSubscription(db, { customerId: customer.id, productId: product.id }));
    const paused = await makeSubscription(db, { customerId: customer.id, productId: product.id, status: "paused" });
    const moved = await db.transaction((tx) =>
      transitionMany(tx, {
        ids: [...active.map((s) => s.id), paused.id],
        from: "active",
        to: "paused",
        set: { pausedUntil: null },
        action: "paused",
        actor: { type: "system", id: "dunning" },
        now: NOW,
        data: (id) => ({ reason: "test", id }),
      }),
    );
    expect(moved.sort()).toEqual(active.map((s) => s.id).sort());
    const rows = await db.execute<{ status: string; n: number }>(
      sql`SELECT status, count(*)::int AS n FROM subscriptions WHERE updated_at = ${NOW.toISOString()}::timestamptz GROUP BY status`,
    );
    expect(rows.map((r) => [r.status, r.n])).toEqual([["paused", 120]]);
    expect(await auditOf(db, paused.id)).toEqual([]);
    expect(await auditOf(db, active[7]!.id)).toMatchObject([
      {
        action: "paused",
        fromState: "active",
        toState: "paused",
        actorId: "dunning",
        at: NOW,
        data: { reason: "test", id: active[7]!.id },
      },
    ]);
    // A second run finds nothing in `from` any more: no change, no audit row.
    expect(
      await db.transaction((tx) => transitionMany(tx, { ids: moved, from: "active", to: "paused", action: "paused", actor: SYSTEM, now: NOW })),
    ).toEqual([]);
    expect(await auditOf(db, active[7]!.id)).toHaveLength(1);
  });
});

describe("advanceCursors (generation's set-based cursor move)", () => {
  beforeEach(() => resetGenerationTables(getDb()));

  it("moves only active rows still at fromIndex, in one call over many rows, resets the streak, writes no audit", async () => {
    const db = getDb();
    const customer = await makeBareCustomer(db);
    const product = await makeBareProduct(db);
    const subs = [];
    for (let i = 0; i < 300; i++) {
      subs.push(
        await makeSubscription(db, {
          customerId: customer.id,
          productId: product.id,
          nextCycleIndex: 4,
          failureCount: 2,
          status: i % 50 === 0 ? "paused" : "active",
        }),
      );
    }
    const next = at("2027-03-31T13:00:00Z");
    const moves: CursorMove[] = subs.map((s, i) => ({
      subscriptionId: s.id,
      fromIndex: i % 30 === 1 ? 3 : 4,
      toIndex: 5,
      nextRunAt: i % 3 === 0 ? null : next,
      status: i % 3 === 0 ? "completed" : "active",
    }));
    const expected = subs.filter((s, i) => s.status === "active" && moves[i]!.fromIndex === 4);
    const moved = await db.transaction((tx) => advanceCursors(tx, moves, NOW));
    expect(moved).toBe(expected.length);
    expect(moved).toBeLessThan(300);

    const byId = new Map(subs.map((s, i) => [s.id, i]));
    for (const s of subs) {
      const i = byId.get(s.id)!;
      const after = await subscriptionOf(db, s.id);
      if (expected.includes(s)) {
        expect(after).toMatchObject({ nextCycleIndex: 5, nextRunAt: moves[i]!.nextRunAt, status: moves[i]!.status, failureCount: 0, updatedAt: NOW });
      } else {
        expect(after).toMatchObject({ nextCycleIndex: 4, nextRunAt: s.nextRunAt, status: s.status, failureCount: 2, updatedAt: s.updatedAt });
      }
    }
    const [{ n } = { n: -1 }] = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log`);
    expect(n).toBe(0);
    expect(await db.transaction((tx) => advanceCursors(tx, [], NOW))).toBe(0);
    // Replaying the same moves is a no-op: every guard is stale now.
    expect(await db.transaction((tx) => advanceCursors(tx, moves, NOW))).toBe(0);
  });
});

describe("rescheduleRuns and recordFailureStreaks", () => {
  beforeEach(() => resetGenerationTables(getDb()));

  it("reschedules only active rows", async () => {
    const db = getDb();
    const a = await makeSubscription(db);
    const p = await makeSubscription(db, { status: "paused" });
    const when = at("2027-02-01T14:00:00Z");
    expect(
      await db.transaction((tx) =>
        rescheduleRuns(
          tx,
          [
            { subscriptionId: a.id, nextRunAt: when },
            { subscriptionId: p.id, nextRunAt: when },
          ],
          NOW,
        ),
      ),
    ).toBe(1);
    expect(await subscriptionOf(db, a.id)).toMatchObject({ nextRunAt: when, updatedAt: NOW });
    expect(await subscriptionOf(db, p.id)).toMatchObject({ nextRunAt: p.nextRunAt, updatedAt: p.updatedAt });
  });

  it("records streaks set-based: retry or active → paused, audited; a row no longer active is left alone and unaudited", async () => {
    const db = getDb();
    const retry = await makeSubscription(db, { failureCount: 0 });
    const pause = await makeSubscription(db, { failureCount: 2 });
    const gone = await makeSubscription(db, { status: "cancelled", failureCount: 2 });
    const retryAt = at("2026-11-24T16:00:00Z");
    const paused = await db.transaction((tx) =>
      recordFailureStreaks(
        tx,
        [
          { subscriptionId: retry.id, failureCount: 1, pause: false, retryAt, failed: { reason: "r1" } },
          { subscriptionId: pause.id, failureCount: 3, pause: true, retryAt: null, failed: { reason: "r2" }, paused: { reason: "r2" } },
          { subscriptionId: gone.id, failureCount: 3, pause: true, retryAt: null, failed: { reason: "r3" }, paused: { reason: "r3" } },
        ],
        NOW,
      ),
    );
    expect(paused).toEqual([pause.id]);
    expect(await subscriptionOf(db, retry.id)).toMatchObject({ status: "active", failureCount: 1, nextRunAt: retryAt, updatedAt: NOW });
    expect(await subscriptionOf(db, pause.id)).toMatchObject({ status: "paused", failureCount: 3, nextRunAt: pause.nextRunAt });
    expect(await subscriptionOf(db, gone.id)).toMatchObject({ status: "cancelled", failureCount: 2, updatedAt: gone.updatedAt });
    expect((await auditOf(db, retry.id)).map((a) => [a.action, a.actorId])).toEqual([["generation_failed", "generation"]]);
    expect((await auditOf(db, pause.id)).map((a) => [a.action, a.fromState, a.toState])).toEqual([
      ["generation_failed", null, null],
      ["auto_paused", "active", "paused"],
    ]);
    expect(await auditOf(db, gone.id)).toEqual([]);
  });
});

describe("audit vocabulary", () => {
  it("has no duplicates", () => {
    expect(new Set(SUBSCRIPTION_AUDIT_ACTIONS).size).toBe(SUBSCRIPTION_AUDIT_ACTIONS.length);
  });

  it("every action the lifecycle, generation and dunning write is listed", async () => {
    const db = getDb();
    await resetGenerationTables(db);
    const { actor } = await makeCustomer(db);
    const product = await makeProduct(db);
    const { subscription } = await createSubscription(db, actor, createInput(product.id, { startDate: "2026-11-24" }), NOW);
    const id = subscription.id;
    await skipNext(db, actor, id, NOW);
    await unskipCycle(db, actor, id, {}, NOW);
    await rescheduleNext(db, actor, id, { localDate: "2026-12-26" }, NOW);
    await changeSubscription(db, actor, id, { quantity: 3 }, NOW);
    await changeSubscription(db, actor, id, { frequency: "weekly" }, NOW);
    await orderNow(db, actor, id, {}, NOW);
    await pauseSubscription(db, actor, id, {}, NOW);
    await resumeSubscription(db, actor, id, at("2027-01-20T15:00:00Z"));
    // One delivery in total: completed by the generator right after the first order.
    await createSubscription(db, actor, createInput(product.id, { startDate: "2026-11-24", end: { kind: "after_cycles", cycles: 1 } }), NOW);
    // A skip the generator meets at the cursor, and cycles missed before it.
    const behind = await makeSubscription(db, { productId: product.id, nextRunAt: at("2027-01-31T14:00:00Z") });
    await addOverride(db, { subscriptionId: behind.id, cycleIndex: 2, kind: "skip" });
    await generateAllDue(db, { now: at("2027-03-31T15:00:00Z"), batchSize: 100 });
    // A product no longer sold: a failure that auto-pauses at once (maxFailures 1).
    const unsold = await makeProduct(db);
    const other = await createSubscription(db, actor, createInput(unsold.id, { startDate: "2026-11-24" }), NOW);
    await db.execute(sql`UPDATE products SET sellable = false WHERE id = ${unsold.id}`);
    await generateAllDue(db, { now: at("2027-01-01T15:00:00Z"), batchSize: 100, policy: { maxFailures: 1, retryMinutes: 60 } });
    // Dunning pauses an active subscription; cancel another.
    const third = await createSubscription(db, actor, createInput(product.id, { startDate: "2026-11-24" }), NOW);
    const [order] = await db
      .select({ id: orders.id })
      .from(orders)
      .where(sql`${orders.subscriptionId} = ${third.subscription.id}`);
    expect(await pauseSubscriptionForDunning(db, { orderId: order!.id, now: NOW })).toEqual({ subscriptionId: third.subscription.id });
    await cancelSubscription(db, actor, other.subscription.id, {}, NOW);

    const { seen, unlisted } = await auditVocabularyOf(db);
    expect(seen).toEqual(
      expect.arrayContaining([
        "created",
        "skipped",
        "unskipped",
        "rescheduled",
        "quantity_changed",
        "frequency_changed",
        "order_now",
        "paused",
        "resumed",
        "cycle_generated",
        "cycle_skipped",
        "cycles_missed",
        "completed",
        "generation_failed",
        "auto_paused",
        "cancelled",
      ]),
    );
    expect(unlisted).toEqual([]);
  });
});
