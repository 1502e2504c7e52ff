import { InngestTestEngine } from "@inngest/test";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
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
    expect(result).toEqual({ batches: 3, claimed: 5, created: 5, skipped: 0, completed: 0, failed: 0 });
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
});
