import { getDb } from "@/db/client";
import { parseQuery, withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { diffVersions } from "@/server/workflows/admin/diff-versions";
import { workflowIdParam } from "@/server/workflows/admin/workflow-api.schema";
import { workflowRoutes } from "@/server/workflows/workflow-routes.schema";

type P = { id: string };

export const dynamic = "force-dynamic";

/** Semantic diff between any two published versions (?from=<versionId>&to=<versionId>). */
export const GET = withAuth<P>("workflows:write", async ({ req, params }) => {
  const { from, to } = parseQuery(req, workflowRoutes.versionDiff.query);
  return reply(workflowRoutes.versionDiff.response, await diffVersions(getDb(), workflowIdParam(params.id), from, to));
});
