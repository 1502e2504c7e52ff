import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { makeSubscription, ordersOf } from "@/test/support/generation/factories";

/** The minute's cron tick (the function also listens to generation/continue). */
const CRON_TICK = { name: "inngest/scheduled.timer", data: { cron: "* * * * *" } } as never;

// The kill switch, read by env() on first use in this file's module graph.
process.env.GENERATION_DISABLED = "1";
const { generateDueOrders } = await import("./generate-due-orders");

describe("generate-due-orders with GENERATION_DISABLED=1", () => {
  it("returns at once without generating anything", async () => {
    const db = getDb();
    const sub = await makeSubscription(db, { nextRunAt: new Date(Date.now() - 60_000) });
    const { result, ctx } = await new InngestTestEngine({ function: generateDueOrders, events: [CRON_TICK] }).execute();
    expect(result).toEqual({ disabled: true });
    expect(ctx.step.run).not.toHaveBeenCalled();
    expect(await ordersOf(db, sub.id)).toEqual([]);
  });
});
