import { InngestTestEngine } from "@inngest/test";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { orders } from "@/db/schema";
import { makeSubscription, ordersOf, resetGenerationTables } from "@/server/generation/__tests__/factories";

// Read by env() on first use in this file's module graph: small batches make several steps.
process.env.GENERATION_BATCH_SIZE = "2";
const { generateDueOrders } = await import("./generate-due-orders");

/**
 * step.sendEvent would really send; stand in for Inngest's answer and assert on the spy instead.
 * A fresh array per engine: @inngest/test appends each run's step results to it.
 */
const sendMocks = () => [
  ...Array.from({ length: 10 }, (_, n) => ({ id: `order-created-${n}-0`, handler: () => ({ ids: [] }) })),
  { id: "reannounce-orders-0", handler: () => ({ ids: [] }) },
];

type SentEvent = { name: string; id: string; data: { orderId: string } };
function sentEvents(sendEvent: unknown): Record<string, SentEvent[]> {
  const calls = (sendEvent as { mock: { calls: [string, SentEvent[]][] } }).mock.calls;
  return Object.fromEntries(calls.map(([id, events]) => [id, events.map(({ name, id: eventId, data }) => ({ name, id: eventId, data }))]));
}

describe("generate-due-orders (cron function)", () => {
  beforeEach(() => resetGenerationTables(getDb()));

  it("generates in batch steps until a short batch, then announces every created order once", async () => {
    const db = getDb();
    const past = new Date(Date.now() - 60_000);
    const subs = [];
    for (let i = 0; i < 5; i++) subs.push(await makeSubscription(db, { anchorDate: "2020-01-15", localTime: "00:00", timeZone: "UTC", nextRunAt: past }));

    const t = new InngestTestEngine({ function: generateDueOrders, steps: sendMocks() });
    const { result, ctx } = await t.execute();
    expect(result).toMatchObject({ batches: 3, claimed: 5, created: 5, failed: 0, reannounced: 0 });
    expect(ctx.step.run).toHaveBeenCalledWith("generate-batch-0", expect.any(Function));
    expect(ctx.step.run).toHaveBeenCalledWith("generate-batch-2", expect.any(Function));
    expect(ctx.step.run).not.toHaveBeenCalledWith("generate-batch-3", expect.any(Function));

    const created = (await Promise.all(subs.map((s) => ordersOf(db, s.id)))).flat();
    expect(created).toHaveLength(5);
    const sent = sentEvents(ctx.step.sendEvent);
    expect(Object.keys(sent)).toEqual(["order-created-0-0", "order-created-1-0", "order-created-2-0"]);
    expect(Object.values(sent).flat().sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      created.map((o) => ({ name: "order/created", id: `order-created-${o.id}`, data: { orderId: o.id } })).sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it("re-announces generated orders whose workflow never started", async () => {
    const db = getDb();
    const sub = await makeSubscription(db, { nextRunAt: new Date(Date.now() + 86_400_000) });
    const [lost] = await db.insert(orders).values({
      customerId: sub.customerId, kind: "subscription", subscriptionId: sub.id, cycleIndex: 0, currency: "USD",
      subtotalMinor: 100, totalMinor: 100, createdAt: new Date(Date.now() - 10 * 60_000),
    }).returning();
    // Started workflows are not re-announced.
    await db.insert(orders).values({
      customerId: sub.customerId, kind: "subscription", subscriptionId: sub.id, cycleIndex: 1, currency: "USD",
      subtotalMinor: 100, totalMinor: 100, createdAt: new Date(Date.now() - 10 * 60_000), workflowVersionId: 1, state: "paid",
    });
    const { result, ctx } = await new InngestTestEngine({ function: generateDueOrders, steps: sendMocks() }).execute();
    expect(result).toMatchObject({ created: 0, reannounced: 1 });
    expect(sentEvents(ctx.step.sendEvent)).toEqual({
      "reannounce-orders-0": [{ name: "order/created", id: `order-created-${lost!.id}`, data: { orderId: lost!.id } }],
    });
    expect((await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM orders`))[0]!.n).toBe(2);
  });
});
