import { getDb } from "@/db/client";
import { getWorkbenchJob } from "@/server/continuity/workbench-jobs";
import { withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";

/** Progress of a workbench job (the UI polls it). */
export const GET = withAuth<{ id: string; jobId: string }>("subscriptions:bulk_update", async ({ params }) => ({
  job: await getWorkbenchJob(getDb(), uuidParam(params.id, "Program"), uuidParam(params.jobId, "Workbench job")),
}));
