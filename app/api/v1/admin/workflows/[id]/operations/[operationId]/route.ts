import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";
import { getWorkflowOperationOrThrow } from "@/server/workflows/admin/get-workflow-operation";
import { workflowIdParam } from "@/server/workflows/admin/workflow-api.schema";
import { workflowRoutes } from "@/server/workflows/workflow-routes.schema";

type P = { id: string; operationId: string };

export const dynamic = "force-dynamic";

/** A bulk operation's or migration's progress (total, processed, succeeded, skipped, status). */
export const GET = withAuth<P>("workflows:write", async ({ params }) =>
  reply(
    workflowRoutes.operation.response,
    await getWorkflowOperationOrThrow(getDb(), workflowIdParam(params.id), uuidParam(params.operationId, "Operation")),
  ),
);
