import { getDb } from "@/db/client";
import { customerIdOf } from "@/server/auth/actor";
import { getEnrollmentTimeline } from "@/server/continuity/enrollment-timeline";
import { withAuth } from "@/server/http/handler";

/** The customer's timeline of one program subscription: shipped, opted out, upcoming. */
export const GET = withAuth<{ subscriptionId: string }>("subscriptions:own", async ({ actor, params }) =>
  getEnrollmentTimeline(getDb(), params.subscriptionId, customerIdOf(actor), new Date()));
