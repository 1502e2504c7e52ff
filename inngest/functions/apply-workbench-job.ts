import { getDb } from "@/db/client";
import { runWorkbenchBatch, stalledWorkbenchJobs } from "@/server/continuity/workbench-jobs";
import { inngest } from "../client";
import { workbenchApplyRequested } from "../events";

/** Bound on steps per run; a longer job is resumed by the cron trigger below. */
const MAX_BATCHES = 200;

/**
 * Runs a workbench job batch by batch: each step is one transaction (server/continuity/
 * workbench-jobs.ts) that advances the job row the UI polls. The job row, not this run, is
 * the truth: the cron trigger re-sends jobs left queued/running (lost event, crashed run).
 */
export const applyWorkbenchJob = inngest.createFunction(
  {
    id: "apply-workbench-job",
    triggers: [workbenchApplyRequested, { cron: "*/5 * * * *" }],
    concurrency: { limit: 1 },
  },
  async ({ event, step }) => {
    if (!("jobId" in (event.data ?? {}))) {
      const stalled = await step.run("find-stalled-jobs", () => stalledWorkbenchJobs(getDb(), new Date()));
      if (stalled.length > 0)
        await step.sendEvent(
          "resume-stalled-jobs",
          stalled.map((jobId) => workbenchApplyRequested.create({ jobId })),
        );
      return { resumed: stalled.length };
    }
    const jobId = (event.data as { jobId: string }).jobId;
    for (let n = 0; n < MAX_BATCHES; n++) {
      const r = await step.run(`batch-${n}`, () => runWorkbenchBatch(getDb(), jobId, new Date()));
      if (r.done) return r;
    }
    return { done: false };
  },
);
