import { getDb } from "@/db/client";
import { expireOldFlags, flagMissingSubstitutions as flagAll } from "@/server/continuity/flag-missing-substitutions";
import { inngest } from "../client";

/**
 * Hourly: records a "Needs attention" flag for every upcoming phantom shipment that has no
 * substitute, FLAG_HORIZON_DAYS before its processing lead, so merchandisers fix the calendar
 * before generation would stop at it; closes flags that were fixed or whose date is long gone.
 */
export const flagMissingSubstitutions = inngest.createFunction(
  { id: "flag-missing-substitutions", triggers: [{ cron: "7 * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const result = await step.run("flag", () => flagAll(getDb(), new Date()));
    await step.run("expire-old-flags", () => expireOldFlags(getDb(), new Date()));
    return result;
  },
);
