import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { listReviewQueue } from "@/server/workflows/queries/review-queue";
import { workflowRoutes } from "@/server/workflows/workflow-routes.schema";

/** Orders waiting for a human decision, oldest first. */
export const GET = withAuth("workflows:review", async () =>
  reply(workflowRoutes.reviewQueue.response, { items: await listReviewQueue(getDb(), { now: new Date() }) }),
);
