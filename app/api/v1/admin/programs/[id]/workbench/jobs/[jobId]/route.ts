import { getDb } from "@/db/client";
import { programRoutes } from "@/server/continuity/program-routes.schema";
import { getWorkbenchJob } from "@/server/continuity/workbench-jobs";
import { withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";

/** Progress of a workbench job (the UI polls it). */
export const GET = withAuth<{ id: string; jobId: string }>("subscriptions:bulk_update", async ({ params }) =>
  reply(programRoutes.workbenchJob.response, {
    job: await getWorkbenchJob(getDb(), uuidParam(params.id, "Program"), uuidParam(params.jobId, "Workbench job")),
  }),
);
