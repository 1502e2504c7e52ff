import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { listReviewQueue } from "@/server/workflows/queries/review-queue";

/** Orders waiting for a human decision, oldest first. */
export const GET = withAuth("workflows:review", async () => ({ items: await listReviewQueue(getDb(), { now: new Date() }) }));
