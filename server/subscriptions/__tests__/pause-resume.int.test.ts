import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { notifications, subscriptions } from "@/db/schema";
import { generateForSubscriptions } from "@/server/generation/generate-for-subscriptions";
import { createSubscription } from "../create-subscription";
import { pauseSubscription } from "../pause-subscription";
import { resumeDuePaused } from "../resume-due-paused";
import { resumeSubscription } from "../resume-subscription";
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
  return { db, ...customer, product, id: subscription.id };
}

describe("pause", () => {
  it("active → paused, keeping the cursor and nextRunAt, with an audit row", async () => {
    const { db, actor, user, id } = await setup();
    const before = await subscriptionRow(db, id);
    const dto = await pauseSubscription(db, actor, id, {}, NOW);
    expect(dto).toMatchObject({ status: "paused", pausedUntil: null, next: null });
    const row = await subscriptionRow(db, id);
    expect(row).toMatchObject({ status: "paused", nextCycleIndex: 1, nextRunAt: before.nextRunAt });
    expect((await auditActions(db, id)).at(-1)).toMatchObject({
      action: "paused",
      actorType: "user",
      actorId: user.id,
      fromState: "active",
      toState: "paused",
    });
  });

  it("refuses a second pause (409) and an until date that is not after today (422)", async () => {
    const { db, actor, id } = await setup();
    expect(await errorOf(pauseSubscription(db, actor, id, { until: "2026-11-24" }, NOW))).toMatchObject({
      code: "VALIDATION",
      fields: { until: "Choose a date after today" },
    });
    await pauseSubscription(db, actor, id, { until: "2027-09-01" }, NOW);
    expect(await errorOf(pauseSubscription(db, actor, id, {}, NOW))).toMatchObject({ code: "CONFLICT" });
    expect((await auditActions(db, id)).filter((a) => a.action === "paused")).toHaveLength(1);
  });

  it("is a 404 for another customer's subscription and for a malformed id", async () => {
    const { db, id } = await setup();
    const stranger = await makeCustomer(db);
    expect(await errorOf(pauseSubscription(db, stranger.actor, id, {}, NOW))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(pauseSubscription(db, stranger.actor, "not-a-uuid", {}, NOW))).toMatchObject({ code: "NOT_FOUND" });
    expect((await subscriptionRow(db, id)).status).toBe("active");
  });
});

describe("resume", () => {
  it("paused → active at once; cycles that passed during the pause are not made up", async () => {
    const { db, actor, id } = await setup();
    await pauseSubscription(db, actor, id, {}, NOW);
    // Resumed on Apr 15: Feb 28 and Mar 31 fell inside the pause.
    const later = new Date("2027-04-15T12:00:00Z");
    const dto = await resumeSubscription(db, actor, id, later);
    expect(dto).toMatchObject({ status: "active", next: { cycleIndex: 3, localDate: "2027-04-30" } });
    expect((await auditActions(db, id)).at(-1)).toMatchObject({
      action: "resumed",
      fromState: "paused",
      toState: "active",
      data: { nextCycleIndex: 3, notMadeUp: { from: 1, to: 2 } },
    });
    // The generator then creates Apr 30 — nothing for the skipped-over cycles.
    await db.transaction((tx) => generateForSubscriptions(tx, [id], new Date("2027-04-30T13:00:00Z")));
    expect((await ordersOf(db, id)).map((o) => o.cycleIndex)).toEqual([0, 3]);
  });

  it("refuses to resume an active subscription (409)", async () => {
    const { db, actor, id } = await setup();
    expect(await errorOf(resumeSubscription(db, actor, id, NOW))).toMatchObject({ code: "CONFLICT" });
  });

  it("completes a subscription whose series ended during the pause", async () => {
    const { db, actor, id } = await setup({ end: { kind: "after_cycles", cycles: 2 } });
    await pauseSubscription(db, actor, id, {}, NOW);
    const dto = await resumeSubscription(db, actor, id, new Date("2027-06-01T12:00:00Z"));
    expect(dto.status).toBe("completed");
    expect((await subscriptionRow(db, id)).nextRunAt).toBeNull();
  });
});

describe("resumeDuePaused", () => {
  it("resumes at the start of the 'until' date in the subscription's zone, as the system", async () => {
    const { db, actor, id } = await setup();
    await pauseSubscription(db, actor, id, { until: "2027-04-01" }, NOW);
    const openEnded = await setup();
    await pauseSubscription(db, openEnded.actor, openEnded.id, {}, NOW);

    // 03:59Z is still Mar 31 in New York.
    expect(await resumeDuePaused(db, new Date("2027-04-01T03:59:00Z"))).toBe(0);
    expect((await subscriptionRow(db, id)).status).toBe("paused");

    // A sweep that runs late still resumes from Apr 1 00:00: the Apr 30 delivery is kept.
    expect(await resumeDuePaused(db, new Date("2027-04-30T20:00:00Z"))).toBe(1);
    const row = await subscriptionRow(db, id);
    expect(row).toMatchObject({ status: "active", pausedUntil: null, nextCycleIndex: 3 });
    expect(row.nextRunAt?.toISOString()).toBe("2027-04-30T13:00:00.000Z");
    expect((await auditActions(db, id)).at(-1)).toMatchObject({ action: "resumed", actorType: "system", actorId: null });
    const inbox = await db.select().from(notifications).where(eq(notifications.customerId, actor.customerId));
    expect(inbox.map((n) => n.kind)).toContain("subscription_resumed");

    expect((await subscriptionRow(db, openEnded.id)).status).toBe("paused");
    expect(await resumeDuePaused(db, new Date("2027-05-01T00:00:00Z"))).toBe(0);
  });

  it("leaves rows alone that changed under it", async () => {
    const { db, actor, id } = await setup();
    await pauseSubscription(db, actor, id, { until: "2027-02-01" }, NOW);
    await resumeSubscription(db, actor, id, NOW);
    await db.update(subscriptions).set({ pausedUntil: "2027-02-01" }).where(eq(subscriptions.id, id)); // stale date on an active row
    expect(await resumeDuePaused(db, new Date("2027-02-02T00:00:00Z"))).toBe(0);
    expect((await auditActions(db, id)).filter((a) => a.action === "resumed")).toHaveLength(1);
  });
});
