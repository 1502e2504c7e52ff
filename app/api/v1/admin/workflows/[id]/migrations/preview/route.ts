import { getDb } from "@/db/client";
import { parseJson, withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { planMigration } from "@/server/workflows/admin/plan-migration";
import { workflowIdParam } from "@/server/workflows/admin/workflow-api.schema";
import { workflowRoutes } from "@/server/workflows/workflow-routes.schema";

type P = { id: string };

/** Where each in-flight state's orders would go (same-named by default) and which orders cannot be mapped. */
export const POST = withAuth<P>("workflows:write", async ({ req, params }) =>
  reply(
    workflowRoutes.migrationPreview.response,
    await planMigration(getDb(), workflowIdParam(params.id), await parseJson(req, workflowRoutes.migrationPreview.body)),
  ),
);
