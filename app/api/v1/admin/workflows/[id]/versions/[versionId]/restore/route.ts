import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { intIdParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";
import { restoreVersion } from "@/server/workflows/admin/restore-version";
import { workflowIdParam } from "@/server/workflows/admin/workflow-api.schema";
import { workflowRoutes } from "@/server/workflows/workflow-routes.schema";

type P = { id: string; versionId: string };

/** Makes a published version the draft again (rollback = restore, then publish). */
export const POST = withAuth<P>("workflows:write", async ({ actor, params }) => {
  const restored = await restoreVersion(getDb(), {
    workflowId: workflowIdParam(params.id),
    versionId: intIdParam(params.versionId, "Version"),
    userId: actor.userId,
    now: new Date(),
  });
  return reply(workflowRoutes.restoreVersion.response, restored);
});
