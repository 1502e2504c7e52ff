import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { cycleOverrides } from "@/db/schema";
import { generateForSubscriptions } from "@/server/generation/generate-for-subscriptions";
import { cancelSubscription } from "../cancel-subscription";
import { changeSubscription } from "../change-subscription";
import { createSubscription } from "../create-subscription";
import { getSubscriptionDetail } from "../get-subscription-detail";
import { rescheduleNext } from "../reschedule-next";
import { skipNext } from "../skip-cycle";
import { lastCycleIndex } from "../subscription-schedule";
import {
  auditActions,
  createInput,
  errorOf,
  linesOf,
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

describe("change quantity", () => {
  it("applies from the next order; the order already created keeps its quantity", async () => {
    const { db, actor, id } = await setup();
    const dto = await changeSubscription(db, actor, id, { quantity: 5 }, NOW);
    expect(dto.quantity).toBe(5);
    expect((await auditActions(db, id)).at(-1)).toMatchObject({ action: "quantity_changed", data: { from: 2, to: 5 } });
    await db.transaction((tx) => generateForSubscriptions(tx, [id], new Date("2027-02-28T14:00:00Z")));
    const [first, second] = await ordersOf(db, id);
    expect((await linesOf(db, first!.id))[0]?.quantity).toBe(2);
    expect((await linesOf(db, second!.id))[0]?.quantity).toBe(5);
  });
});

describe("change frequency", () => {
  it("re-anchors at the next delivery; dates before it and orders already made are untouched", async () => {
    const { db, actor, id } = await setup();
    const dto = await changeSubscription(db, actor, id, { frequency: "biweekly" }, NOW);
    expect(dto).toMatchObject({ frequency: "biweekly", anchorDate: "2027-02-28", next: { cycleIndex: 1, localDate: "2027-02-28" } });
    expect(await subscriptionRow(db, id)).toMatchObject({ anchorIndex: 1, nextCycleIndex: 1 });
    const { upcoming } = await getSubscriptionDetail(db, actor.customerId, id, NOW);
    expect(upcoming.map((c) => `${c.cycleIndex}:${c.localDate}`)).toEqual([
      "0:2027-01-31",
      "1:2027-02-28",
      "2:2027-03-14",
      "3:2027-03-28",
      "4:2027-04-11",
      "5:2027-04-25",
    ]);
    expect((await auditActions(db, id)).at(-1)).toMatchObject({
      action: "frequency_changed",
      data: { from: "monthly", to: "biweekly", anchor: { from: { date: "2027-01-31", index: 0 }, to: { date: "2027-02-28", index: 1 } } },
    });
    await db.transaction((tx) => generateForSubscriptions(tx, [id], new Date("2027-03-14T13:00:00Z")));
    expect((await ordersOf(db, id)).map((o) => [o.cycleIndex, o.scheduledFor?.toISOString()])).toEqual([
      [0, "2027-01-31T14:00:00.000Z"],
      [2, "2027-03-14T13:00:00.000Z"],
    ]);
  });

  it("keeps the remaining count of an after_cycles series and the moved date as the new anchor", async () => {
    const { db, actor, id } = await setup({ end: { kind: "after_cycles", cycles: 6 } });
    await rescheduleNext(db, actor, id, { localDate: "2027-03-02" }, NOW);
    await changeSubscription(db, actor, id, { frequency: "weekly" }, NOW);
    const row = await subscriptionRow(db, id);
    expect(row).toMatchObject({ anchorDate: "2027-03-02", anchorIndex: 1, endCycles: 5 });
    expect(lastCycleIndex(row)).toBe(5);
    expect(row.nextRunAt?.toISOString()).toBe("2027-03-02T14:00:00.000Z");
    expect(await db.select().from(cycleOverrides).where(eq(cycleOverrides.subscriptionId, id))).toEqual([]);
  });

  it("keeps skips already made before the new anchor", async () => {
    const { db, actor, id } = await setup();
    await skipNext(db, actor, id, NOW);
    await changeSubscription(db, actor, id, { frequency: "weekly", quantity: 3 }, NOW);
    expect(await subscriptionRow(db, id)).toMatchObject({ anchorDate: "2027-03-31", anchorIndex: 2, quantity: 3, frequency: "weekly" });
    expect((await auditActions(db, id)).slice(-2).map((a) => a.action)).toEqual(["quantity_changed", "frequency_changed"]);
  });

  it("refuses changes to a cancelled subscription, and someone else's", async () => {
    const { db, actor, id } = await setup();
    const stranger = await makeCustomer(db);
    expect(await errorOf(changeSubscription(db, stranger.actor, id, { quantity: 3 }, NOW))).toMatchObject({ code: "NOT_FOUND" });
    await cancelSubscription(db, actor, id, {}, NOW);
    expect(await errorOf(changeSubscription(db, actor, id, { frequency: "weekly" }, NOW))).toMatchObject({ code: "CONFLICT" });
  });
});
