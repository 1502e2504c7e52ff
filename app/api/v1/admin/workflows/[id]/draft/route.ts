import { getDb } from "@/db/client";
import { parseJson, withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { saveDraft } from "@/server/workflows/admin/save-draft";
import { workflowIdParam } from "@/server/workflows/admin/workflow-api.schema";
import { workflowRoutes } from "@/server/workflows/workflow-routes.schema";

type P = { id: string };

/** Saves the draft even with problems (returned); 422 only when it doesn't match the schema. */
export const PUT = withAuth<P>("workflows:write", async ({ req, params }) => {
  const id = workflowIdParam(params.id);
  const { definition } = await parseJson(req, workflowRoutes.saveDraft.body);
  return reply(workflowRoutes.saveDraft.response, await saveDraft(getDb(), { workflowId: id, definition, now: new Date() }));
});
