import { getDb } from "@/db/client";
import { parseJson, withAuth } from "@/server/http/handler";
import { saveDraft } from "@/server/workflows/admin/save-draft";
import { draftBodySchema, workflowIdParam } from "@/server/workflows/admin/workflow-api.schema";

type P = { id: string };

/** Saves the draft even with problems (returned); 422 only when it doesn't match the schema. */
export const PUT = withAuth<P>("workflows:write", async ({ req, params }) => {
  const id = workflowIdParam(params.id);
  const { definition } = await parseJson(req, draftBodySchema);
  return saveDraft(getDb(), { workflowId: id, definition, now: new Date() });
});
