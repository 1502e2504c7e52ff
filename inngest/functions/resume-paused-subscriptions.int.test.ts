import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createInput, makeCustomer, makeProduct, startEventSink, subscriptionRow } from "@/test/support/subscriptions/factories";
import { createSubscription } from "@/server/subscriptions/create-subscription";
import { pauseSubscription } from "@/server/subscriptions/pause-subscription";
import { resumePausedSubscriptions } from "./resume-paused-subscriptions";

let sink: Awaited<ReturnType<typeof startEventSink>>;
beforeAll(async () => {
  sink = await startEventSink();
});
afterAll(async () => {
  await sink.close();
});

describe("resume-paused-subscriptions (cron function)", () => {
  it("resumes subscriptions whose pause has ended, and only those", async () => {
    const db = getDb();
    const { actor } = await makeCustomer(db);
    const product = await makeProduct(db);
    // Set up in the past so that "paused until" has already begun by the real clock the function uses.
    const then = new Date("2026-01-05T15:00:00Z");
    const due = await createSubscription(db, actor, createInput(product.id, { startDate: "2026-01-10", frequency: "weekly" }), then);
    const notYet = await createSubscription(db, actor, createInput(product.id, { startDate: "2026-01-10", frequency: "weekly" }), then);
    await pauseSubscription(db, actor, due.subscription.id, { until: "2026-02-01" }, then);
    await pauseSubscription(db, actor, notYet.subscription.id, { until: "2999-01-01" }, then);

    const { result } = await new InngestTestEngine({ function: resumePausedSubscriptions }).execute();
    expect(result).toEqual({ resumed: 1 });
    const resumed = await subscriptionRow(db, due.subscription.id);
    expect(resumed.status).toBe("active");
    expect(resumed.nextRunAt!.getTime()).toBeGreaterThanOrEqual(new Date("2026-02-01T05:00:00Z").getTime());
    expect((await subscriptionRow(db, notYet.subscription.id)).status).toBe("paused");

    const again = await new InngestTestEngine({ function: resumePausedSubscriptions }).execute();
    expect(again.result).toEqual({ resumed: 0 });
  });
});
