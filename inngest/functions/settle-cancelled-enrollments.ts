import { getDb } from "@/db/client";
import { settleCancelledEnrollments as settleAll } from "@/server/continuity/settle-enrollment";
import { inngest } from "../client";

/**
 * Every 10 minutes: settles program enrollments whose subscription was cancelled outside the
 * programs portal (refund / write-off rows per the billing plan, once each).
 */
export const settleCancelledEnrollments = inngest.createFunction(
  { id: "settle-cancelled-enrollments", triggers: [{ cron: "*/10 * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => ({ settled: await step.run("settle", () => settleAll(getDb(), new Date())) }),
);
