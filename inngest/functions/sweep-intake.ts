import type { Inngest } from "inngest";
import { getDb } from "@/db/client";
import { intakeReceivedEvent } from "@/server/intake/emit-intake-events";
import { findStalledPayloads } from "@/server/intake/find-stalled-intake";
import { inngest } from "../client";

/**
 * Every minute: re-drive intake payloads whose event was lost — still `received`, their retry
 * event never arrived. Postgres says what is unfinished; events only trigger (README.md, "Architecture").
 * Accepted orders whose order/created was lost are not this sweeper's: like every order, they
 * are re-announced by the stuck-order sweeper (server/orders/announce-orders.ts).
 */
export function createSweepIntake(client: Inngest) {
  return client.createFunction({ id: "sweep-intake", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 } }, async ({ step }) => {
    const stalled = await step.run("find-stalled-payloads", () => findStalledPayloads(getDb(), { now: new Date() }));
    if (stalled.length > 0) {
      await step.sendEvent(
        "retry-stalled-payloads",
        stalled.map((p) => intakeReceivedEvent(p.payloadId, p.attempts + 1)),
      );
    }
    return { retried: stalled.length };
  });
}

export const sweepIntake = createSweepIntake(inngest);
