import { getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import { workflowOperationRequested } from "@/inngest/events";
import { parseJson, withAuth } from "@/server/http/handler";
import { listWorkflowOperations } from "@/server/workflows/admin/get-workflow-operation";
import { bulkStartBodySchema } from "@/server/workflows/admin/operate.schema";
import { startWorkflowOperation } from "@/server/workflows/admin/start-workflow-operation";
import { workflowIdParam } from "@/server/workflows/admin/workflow-api.schema";

type P = { id: string };

export const dynamic = "force-dynamic";

export const GET = withAuth<P>("workflows:write", async ({ params }) => ({
  items: await listWorkflowOperations(getDb(), workflowIdParam(params.id)),
}));

/** Starts a bulk retry / manual review / cancel as a durable job; poll …/operations/:operationId for progress. */
export const POST = withAuth<P>("workflows:write", async ({ req, actor, params }) => {
  const { action, filter } = await parseJson(req, bulkStartBodySchema);
  const op = await startWorkflowOperation(getDb(), {
    workflowId: workflowIdParam(params.id),
    userId: actor.userId,
    now: new Date(),
    kind: action,
    filter,
  });
  // After commit; if this send is lost, the job's cron resumes the queued row.
  await inngest
    .send(workflowOperationRequested.create({ operationId: op.operationId }, { id: `workflow-operation-${op.operationId}` }))
    .catch((e: unknown) => {
      console.error("workflow operation event not sent; the cron resumes it", e);
    });
  return op;
});
