import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { getWorkflowOrThrow, liveDefinition } from "@/server/workflows/admin/get-workflow";
import { workflowIdParam } from "@/server/workflows/admin/workflow-api.schema";
import { diffDefinitions, workflowDefinitionSchema } from "@/server/workflows/model";
import { workflowRoutes } from "@/server/workflows/workflow-routes.schema";

type P = { id: string };

/** What publishing the draft would change against the live version (everything is "added" before the first publish). */
export const GET = withAuth<P>("workflows:write", async ({ params }) => {
  const db = getDb();
  const wf = await getWorkflowOrThrow(db, workflowIdParam(params.id));
  const live = await liveDefinition(db, wf.id);
  const diff = diffDefinitions(live?.definition ?? { schemaVersion: 1, states: [], transitions: [] }, workflowDefinitionSchema.parse(wf.draft));
  return reply(workflowRoutes.diff.response, diff);
});
