import { getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import { workbenchApplyRequested } from "@/inngest/events";
import { programRoutes } from "@/server/continuity/program-routes.schema";
import { startWorkbenchJob } from "@/server/continuity/workbench-jobs";
import { parseJson, withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";

/**
 * Queues the apply job, then (after commit) asks Inngest to run it. If that send is lost the
 * job stays queued and the function's cron trigger resumes it; the job row is the truth.
 */
export const POST = withAuth<{ id: string }>("subscriptions:bulk_update", async ({ req, actor, params }) => {
  const input = await parseJson(req, programRoutes.workbenchApply.body);
  const job = await startWorkbenchJob(getDb(), actor.userId, uuidParam(params.id, "Program"), input);
  await inngest.send(workbenchApplyRequested.create({ jobId: job.jobId }, { id: `workbench-${job.jobId}` })).catch((e: unknown) => {
    console.error("[workbench] could not send the apply event; the cron will resume the job", e);
  });
  return reply(programRoutes.workbenchApply.response, job, { status: 202 });
});
