import { getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import { env } from "@/server/env";
import { parseJson, withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { workflowRoutes } from "@/server/workflows/workflow-routes.schema";
import { reply } from "@/server/http/reply";
import { submitReviewDecision } from "@/server/workflows/runtime/submit-review-decision";

type P = { orderId: string };

/** Approve or reject an order in review; 409 if it is not (or no longer) waiting for review. */
export const POST = withAuth<P>("workflows:review", async ({ req, actor, params }) => {
  const body = await parseJson(req, workflowRoutes.decide.body);
  const result = await submitReviewDecision(getDb(), (events) => inngest.send(events), {
    orderId: uuidParam(params.orderId, "Order"),
    decision: body.decision,
    note: body.note,
    userId: actor.userId,
    role: actor.role,
    now: new Date(),
    homeCountry: env().HOME_COUNTRY,
  });
  return reply(workflowRoutes.decide.response, { ok: true, state: result.to });
});
