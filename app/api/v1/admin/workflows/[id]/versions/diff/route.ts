import { getDb } from "@/db/client";
import { parseQuery, withAuth } from "@/server/http/handler";
import { diffVersions } from "@/server/workflows/admin/diff-versions";
import { versionDiffQuerySchema } from "@/server/workflows/admin/operate.schema";
import { workflowIdParam } from "@/server/workflows/admin/workflow-api.schema";

type P = { id: string };

export const dynamic = "force-dynamic";

/** Semantic diff between any two published versions (?from=<versionId>&to=<versionId>). */
export const GET = withAuth<P>("workflows:write", async ({ req, params }) => {
  const { from, to } = parseQuery(req, versionDiffQuerySchema);
  return diffVersions(getDb(), workflowIdParam(params.id), from, to);
});
