import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { intIdParam } from "@/server/http/path-params";
import { restoreVersion } from "@/server/workflows/admin/restore-version";
import { workflowIdParam } from "@/server/workflows/admin/workflow-api.schema";

type P = { id: string; versionId: string };

/** Makes a published version the draft again (rollback = restore, then publish). */
export const POST = withAuth<P>("workflows:write", async ({ actor, params }) =>
  restoreVersion(getDb(), {
    workflowId: workflowIdParam(params.id),
    versionId: intIdParam(params.versionId, "Version"),
    userId: actor.userId,
    now: new Date(),
  }),
);
