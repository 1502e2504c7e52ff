import { getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import { env } from "@/server/env";
import { parseJson, withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reviewDecisionSchema } from "@/server/workflows/admin/workflow-api.schema";
import { submitReviewDecision } from "@/server/workflows/runtime/submit-review-decision";

type P = { orderId: string };

/** Approve or reject an order in review; 409 if it is not (or no longer) waiting for review. */
export const POST = withAuth<P>("workflows:review", async ({ req, actor, params }) => {
  const body = await parseJson(req, reviewDecisionSchema);
  const result = await submitReviewDecision(getDb(), (events) => inngest.send(events), {
    orderId: uuidParam(params.orderId, "Order"),
    decision: body.decision,
    note: body.note,
    userId: actor.userId,
    role: actor.role,
    now: new Date(),
    homeCountry: env().HOME_COUNTRY,
  });
  return { ok: true, state: result.to };
});
