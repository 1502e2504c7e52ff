import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { publishWorkflow } from "@/server/workflows/admin/publish-workflow";
import { workflowIdParam } from "@/server/workflows/admin/workflow-api.schema";
import { workflowRoutes } from "@/server/workflows/workflow-routes.schema";

type P = { id: string };

/** Publishes the draft as the next version, or 422 with validateDefinition's problems. */
export const POST = withAuth<P>("workflows:write", async ({ actor, params }) => {
  const result = await publishWorkflow(getDb(), { workflowId: workflowIdParam(params.id), userId: actor.userId, now: new Date() });
  if (result.ok) return reply(workflowRoutes.publish.response, { versionId: result.versionId, version: result.version });
  const errors = result.problems.filter((p) => p.severity === "error");
  const fields = Object.fromEntries(errors.map((p) => [p.elementId ?? p.code, p.message]));
  return reply(
    workflowRoutes.publish.otherResponses[422].body,
    {
      error: { code: "VALIDATION", message: `Fix ${errors.length} problem${errors.length === 1 ? "" : "s"} before publishing`, fields },
      problems: result.problems,
    },
    { status: 422 },
  );
});
