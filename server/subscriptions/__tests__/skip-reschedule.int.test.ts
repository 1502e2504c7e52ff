import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { cycleOverrides } from "@/db/schema";
import { generateForSubscriptions } from "@/server/generation/generate-for-subscriptions";
import { createSubscription } from "../create-subscription";
import { getSubscriptionDetail } from "../get-subscription-detail";
import { pauseSubscription } from "../pause-subscription";
import { rescheduleNext } from "../reschedule-next";
import { skipNext, unskipCycle } from "../skip-cycle";
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

async function setup(input: Record<string, unknown> = {}) {
  const db = getDb();
  const customer = await makeCustomer(db);
  const product = await makeProduct(db);
  const { subscription } = await createSubscription(db, customer.actor, createInput(product.id, input), NOW);
  return { db, ...customer, id: subscription.id };
}
const overridesOf = (id: string) =>
  getDb().select().from(cycleOverrides).where(eq(cycleOverrides.subscriptionId, id)).orderBy(cycleOverrides.cycleIndex);

describe("skip next / unskip", () => {
  it("skips the next delivery: the cursor moves on, dates and anchor stay, the timeline strikes it", async () => {
    const { db, actor, user, id } = await setup();
    const dto = await skipNext(db, actor, id, NOW);
    expect(dto.next).toMatchObject({ cycleIndex: 2, localDate: "2027-03-31" });
    expect(await subscriptionRow(db, id)).toMatchObject({ anchorDate: "2027-01-31", anchorIndex: 0, nextCycleIndex: 2 });
    expect(await overridesOf(id)).toMatchObject([{ cycleIndex: 1, kind: "skip" }]);
    expect((await auditActions(db, id)).at(-1)).toMatchObject({
      action: "skipped",
      actorId: user.id,
      fromState: "active",
      toState: "active",
      data: { cycleIndex: 1, localDate: "2027-02-28" },
    });

    const { upcoming } = await getSubscriptionDetail(db, actor.customerId, id, NOW);
    expect(upcoming.slice(0, 3).map((c) => [c.localDate, c.skipped, c.order !== null])).toEqual([
      ["2027-01-31", false, true],
      ["2027-02-28", true, false],
      ["2027-03-31", false, false],
    ]);
    // The generator then makes Mar 31's order and none for Feb 28.
    await db.transaction((tx) => generateForSubscriptions(tx, [id], new Date("2027-03-31T13:00:00Z")));
    expect((await ordersOf(db, id)).map((o) => o.cycleIndex)).toEqual([0, 2]);
  });

  it("unskip restores the earliest skipped delivery and moves the cursor back", async () => {
    const { db, actor, id } = await setup();
    await skipNext(db, actor, id, NOW);
    await skipNext(db, actor, id, NOW);
    expect((await subscriptionRow(db, id)).nextCycleIndex).toBe(3);
    const dto = await unskipCycle(db, actor, id, {}, NOW);
    expect(dto.next).toMatchObject({ cycleIndex: 1, localDate: "2027-02-28", at: "2027-02-28T14:00:00.000Z" });
    expect(await overridesOf(id)).toMatchObject([{ cycleIndex: 2, kind: "skip" }]);
    expect((await auditActions(db, id)).at(-1)).toMatchObject({ action: "unskipped", data: { cycleIndex: 1 } });
    // A specific later one, behind nothing: the cursor stays.
    expect((await unskipCycle(db, actor, id, { cycleIndex: 2 }, NOW)).next?.cycleIndex).toBe(1);
    expect(await overridesOf(id)).toEqual([]);
  });

  it("refuses what can't be undone or done", async () => {
    const { db, actor, id } = await setup();
    expect(await errorOf(unskipCycle(db, actor, id, {}, NOW))).toMatchObject({ code: "CONFLICT" });
    expect(await errorOf(unskipCycle(db, actor, id, { cycleIndex: 4 }, NOW))).toMatchObject({
      code: "VALIDATION",
      fields: { cycleIndex: expect.any(String) },
    });
    await skipNext(db, actor, id, NOW);
    // Once its date has passed a skipped delivery can't come back.
    expect(await errorOf(unskipCycle(db, actor, id, {}, new Date("2027-03-01T00:00:00Z")))).toMatchObject({ code: "CONFLICT" });
    await pauseSubscription(db, actor, id, {}, NOW);
    expect(await errorOf(skipNext(db, actor, id, NOW))).toMatchObject({ code: "CONFLICT" });
    const stranger = await makeCustomer(db);
    expect(await errorOf(skipNext(db, stranger.actor, id, NOW))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("skipping the last delivery leaves nothing due, and unskip brings it back", async () => {
    const { db, actor, id } = await setup({ end: { kind: "after_cycles", cycles: 2 } });
    const skipped = await skipNext(db, actor, id, NOW);
    expect(skipped).toMatchObject({ status: "active", next: null });
    expect((await subscriptionRow(db, id)).nextRunAt).toBeNull();
    expect(await errorOf(skipNext(db, actor, id, NOW))).toMatchObject({ code: "CONFLICT" });
    expect((await unskipCycle(db, actor, id, {}, NOW)).next).toMatchObject({ cycleIndex: 1, localDate: "2027-02-28" });
  });
});

describe("reschedule next", () => {
  it("moves only the next delivery; the generator uses the moved date", async () => {
    const { db, actor, id } = await setup();
    const dto = await rescheduleNext(db, actor, id, { localDate: "2027-03-05" }, NOW);
    expect(dto.next).toMatchObject({ cycleIndex: 1, localDate: "2027-03-05", at: "2027-03-05T14:00:00.000Z" });
    expect(await subscriptionRow(db, id)).toMatchObject({ anchorDate: "2027-01-31", nextCycleIndex: 1 });
    expect((await auditActions(db, id)).at(-1)).toMatchObject({
      action: "rescheduled",
      data: { cycleIndex: 1, from: "2027-02-28", to: "2027-03-05" },
    });

    const { upcoming } = await getSubscriptionDetail(db, actor.customerId, id, NOW);
    expect(upcoming.slice(1, 3).map((c) => [c.localDate, c.rescheduled])).toEqual([
      ["2027-03-05", true],
      ["2027-03-31", false],
    ]);

    await db.transaction((tx) => generateForSubscriptions(tx, [id], new Date("2027-03-05T14:00:00Z")));
    const [, second] = await ordersOf(db, id);
    expect(second).toMatchObject({ cycleIndex: 1 });
    expect(second!.scheduledFor?.toISOString()).toBe("2027-03-05T14:00:00.000Z");
  });

  it("moving it back to its own date drops the override", async () => {
    const { db, actor, id } = await setup();
    await rescheduleNext(db, actor, id, { localDate: "2027-02-20" }, NOW);
    await rescheduleNext(db, actor, id, { localDate: "2027-02-28" }, NOW);
    expect(await overridesOf(id)).toEqual([]);
    expect((await subscriptionRow(db, id)).nextRunAt?.toISOString()).toBe("2027-02-28T14:00:00.000Z");
  });

  it("keeps deliveries in order: after now, after the previous one, before the following one", async () => {
    const { db, actor, id } = await setup();
    const fieldOf = async (localDate: string, now = NOW) => (await errorOf(rescheduleNext(db, actor, id, { localDate }, now))).fields?.localDate;
    expect(await fieldOf("2026-11-20")).toBe("Choose a date in the future");
    expect(await fieldOf("2027-01-31")).toBe("Choose a date after the previous delivery (2027-01-31)");
    expect(await fieldOf("2027-03-31")).toBe("Choose a date before the following delivery (2027-03-31)");
    expect(await fieldOf("2027-02-10", new Date("2027-02-10T15:00:00Z"))).toBe("Choose a date in the future");
    expect(await overridesOf(id)).toEqual([]);
  });

  it("skip keeps the moved date and unskip restores it", async () => {
    const { db, actor, id } = await setup();
    await rescheduleNext(db, actor, id, { localDate: "2027-03-03" }, NOW);
    await skipNext(db, actor, id, NOW);
    expect(await overridesOf(id)).toMatchObject([{ cycleIndex: 1, kind: "skip", localDate: "2027-03-03" }]);
    const dto = await unskipCycle(db, actor, id, {}, NOW);
    expect(dto.next).toMatchObject({ cycleIndex: 1, localDate: "2027-03-03" });
    const [override] = await getDb()
      .select()
      .from(cycleOverrides)
      .where(and(eq(cycleOverrides.subscriptionId, id), eq(cycleOverrides.cycleIndex, 1)));
    expect(override).toMatchObject({ kind: "reschedule", localDate: "2027-03-03" });
  });
});
