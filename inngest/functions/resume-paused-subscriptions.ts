import { getDb } from "@/db/client";
import { resumeDuePaused } from "@/server/subscriptions/resume-due-paused";
import { inngest } from "../client";

/**
 * Resumes subscriptions whose "paused until" date has begun. Every 15 minutes, so zones with
 * :30 and :45 offsets are served within the quarter hour; each resume is effective at the
 * start of the local date, so a late run never drops a delivery. Safe to run twice: each
 * resume is a guarded UPDATE of a paused row.
 */
export const resumePausedSubscriptions = inngest.createFunction(
  { id: "resume-paused-subscriptions", triggers: [{ cron: "*/15 * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const resumed = await step.run("resume-due", () => resumeDuePaused(getDb(), new Date()));
    return { resumed };
  },
);
