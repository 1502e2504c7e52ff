import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { getWorkflow } from "@/server/workflows/admin/get-workflow";
import { workflowIdParam } from "@/server/workflows/admin/workflow-api.schema";
import { workflowRoutes } from "@/server/workflows/workflow-routes.schema";

type P = { id: string };

/** Draft (with problems), live version and every version's in-flight count. */
export const GET = withAuth<P>("workflows:write", async ({ params }) =>
  reply(workflowRoutes.detail.response, await getWorkflow(getDb(), workflowIdParam(params.id))),
);
