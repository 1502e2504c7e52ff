import { InngestTestEngine } from "@inngest/test";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { makeSubscription, ordersOf, resetGenerationTables } from "@/test/support/generation/factories";

/** The minute's cron tick (the function also listens to generation/continue). */
const CRON_TICK = { name: "inngest/scheduled.timer", data: { cron: "* * * * *" } } as never;

// Read by env() on first use in this file's module graph: small batches make several rounds.
process.env.GENERATION_BATCH_SIZE = "2";
process.env.GENERATION_WORKERS = "2";
const { generateDueOrders } = await import("./generate-due-orders");

/**
 * step.sendEvent would really send; stand in for Inngest's answer and assert on the spy instead.
 * A fresh array per engine: @inngest/test appends each run's step results to it.
 */
const sendMocks = () => [...Array.from({ length: 10 }, (_, n) => ({ id: `order-created-${n}-0`, handler: () => ({ ids: [] }) }))];

type SentEvent = { name: string; id: string; data: { orderId: string } };
function sentEvents(sendEvent: unknown): Record<string, SentEvent[]> {
  const calls = (sendEvent as { mock: { calls: [string, SentEvent[]][] } }).mock.calls;
  return Object.fromEntries(calls.map(([id, events]) => [id, events.map(({ name, id: eventId, data }) => ({ name, id: eventId, data }))]));
}

describe("generate-due-orders (cron function)", () => {
  beforeEach(() => resetGenerationTables(getDb()));

  it("generates round by round (two parallel batches per step) until a short batch, and announces every order once", async () => {
    const db = getDb();
    const past = new Date(Date.now() - 60_000);
    const subs = [];
    for (let i = 0; i < 5; i++)
      subs.push(await makeSubscription(db, { anchorDate: "2020-01-15", localTime: "00:00", timeZone: "UTC", nextRunAt: past }));

    const t = new InngestTestEngine({ function: generateDueOrders, events: [CRON_TICK], steps: sendMocks() });
    const { result, ctx } = await t.execute();
    // Rounds of two batches of two: 4 claimed, then 1 — the short round ends the run.
    expect(result).toEqual({ batches: 4, claimed: 5, created: 5, skipped: 0, completed: 0, failed: 0 });
    expect((ctx.step.run as unknown as { mock: { calls: [string][] } }).mock.calls.map((c) => c[0])).toEqual([
      "generate-batch-0",
      "generate-batch-1",
    ]);

    const created = (await Promise.all(subs.map((s) => ordersOf(db, s.id)))).flat();
    expect(created).toHaveLength(5);
    const sent = sentEvents(ctx.step.sendEvent);
    expect(Object.keys(sent)).toEqual(["order-created-0-0", "order-created-1-0"]);
    const events = Object.values(sent)
      .flat()
      .sort((a, b) => a.id.localeCompare(b.id));
    expect(events).toEqual(
      created.map((o) => ({ name: "order/created", id: `order-created-${o.id}`, data: { orderId: o.id } })).sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it("does nothing when nothing is due", async () => {
    await makeSubscription(getDb(), { nextRunAt: new Date(Date.now() + 86_400_000) });
    const { result, ctx } = await new InngestTestEngine({ function: generateDueOrders, events: [CRON_TICK], steps: sendMocks() }).execute();
    expect(result).toEqual({ batches: 2, claimed: 0, created: 0, skipped: 0, completed: 0, failed: 0 });
    expect(ctx.step.sendEvent).not.toHaveBeenCalled();
  });
});
