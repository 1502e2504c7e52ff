import { getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import { workflowOperationRequested } from "@/inngest/events";
import { parseJson, withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { startWorkflowOperation } from "@/server/workflows/admin/start-workflow-operation";
import { workflowIdParam } from "@/server/workflows/admin/workflow-api.schema";
import { workflowRoutes } from "@/server/workflows/workflow-routes.schema";

type P = { id: string };

/** Starts migrating in-flight orders between two published versions, as a durable batched job. */
export const POST = withAuth<P>("workflows:write", async ({ req, actor, params }) => {
  const migration = await parseJson(req, workflowRoutes.migrate.body);
  const op = await startWorkflowOperation(getDb(), {
    workflowId: workflowIdParam(params.id),
    userId: actor.userId,
    now: new Date(),
    kind: "migrate",
    migration,
  });
  await inngest
    .send(workflowOperationRequested.create({ operationId: op.operationId }, { id: `workflow-operation-${op.operationId}` }))
    .catch((e: unknown) => {
      console.error("workflow operation event not sent; the cron resumes it", e);
    });
  return reply(workflowRoutes.migrate.response, op);
});
