import type { Inngest } from "inngest";
import { getDb } from "@/db/client";
import { intakeReceivedEvent, orderCreatedEvent } from "@/server/intake/emit-intake-events";
import { findStalledPayloads, findUnannouncedIntakeOrders } from "@/server/intake/find-stalled-intake";
import { inngest } from "../client";

/**
 * Every minute: re-drive intake work whose event was lost — payloads still `received`
 * (their retry event never arrived) and accepted orders whose order/created never started a
 * workflow. Postgres says what is unfinished; events only trigger (README.md, "Architecture").
 */
export function createSweepIntake(client: Inngest) {
  return client.createFunction(
    { id: "sweep-intake", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 } },
    async ({ step }) => {
      const stalled = await step.run("find-stalled-payloads", () => findStalledPayloads(getDb(), { now: new Date() }));
      if (stalled.length > 0) {
        await step.sendEvent("retry-stalled-payloads", stalled.map((p) => intakeReceivedEvent(p.payloadId, p.attempts + 1)));
      }
      const orders = await step.run("find-unannounced-orders", () => findUnannouncedIntakeOrders(getDb(), { now: new Date() }));
      if (orders.length > 0) await step.sendEvent("reannounce-orders", orders.map(orderCreatedEvent));
      return { retried: stalled.length, reannounced: orders.length };
    },
  );
}

export const sweepIntake = createSweepIntake(inngest);
