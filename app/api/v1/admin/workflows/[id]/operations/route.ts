import { getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import { workflowOperationRequested } from "@/inngest/events";
import { parseJson, withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { listWorkflowOperations } from "@/server/workflows/admin/get-workflow-operation";
import { startWorkflowOperation } from "@/server/workflows/admin/start-workflow-operation";
import { workflowIdParam } from "@/server/workflows/admin/workflow-api.schema";
import { workflowRoutes } from "@/server/workflows/workflow-routes.schema";

type P = { id: string };

export const dynamic = "force-dynamic";

/** The workflow's latest operations, newest first. */
export const GET = withAuth<P>("workflows:write", async ({ params }) =>
  reply(workflowRoutes.operations.response, { items: await listWorkflowOperations(getDb(), workflowIdParam(params.id)) }),
);

/** Starts a bulk retry / manual review / cancel as a durable job; poll …/operations/:operationId for progress. */
export const POST = withAuth<P>("workflows:write", async ({ req, actor, params }) => {
  const { action, filter } = await parseJson(req, workflowRoutes.startOperation.body);
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
  return reply(workflowRoutes.startOperation.response, op);
});
