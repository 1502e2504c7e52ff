import { getDb } from "@/db/client";
import { env } from "@/server/env";
import { parseJson, withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { getWorkflowOrThrow } from "@/server/workflows/admin/get-workflow";
import { simulateWorkflow } from "@/server/workflows/admin/simulate-workflow";
import { workflowIdParam } from "@/server/workflows/admin/workflow-api.schema";
import { workflowRoutes } from "@/server/workflows/workflow-routes.schema";

type P = { id: string };

/** Dry-runs a definition on given facts, or on the facts of the last N real orders. */
export const POST = withAuth<P>("workflows:write", async ({ req, params }) => {
  const db = getDb();
  await getWorkflowOrThrow(db, workflowIdParam(params.id));
  const body = await parseJson(req, workflowRoutes.simulate.body);
  return reply(workflowRoutes.simulate.response, await simulateWorkflow(db, { ...body, homeCountry: env().HOME_COUNTRY }));
});
