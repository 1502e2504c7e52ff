import { getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import { env } from "@/server/env";
import { parseJson, withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { workflowRoutes } from "@/server/workflows/workflow-routes.schema";
import { reply } from "@/server/http/reply";
import { sendOrderEvent } from "@/server/workflows/runtime/send-order-event";

type P = { id: string };

/**
 * Sends an event to one order ("mark shipped": { event: "order/shipped" }). Applied at once;
 * 409 if the order's current state has no transition on it.
 */
export const POST = withAuth<P>("orders:operate", async ({ req, actor, params }) => {
  const body = await parseJson(req, workflowRoutes.orderEvent.body);
  const r = await sendOrderEvent(getDb(), (events) => inngest.send(events), {
    orderId: uuidParam(params.id, "Order"),
    event: body.event,
    data: body.data,
    userId: actor.userId,
    now: new Date(),
    homeCountry: env().HOME_COUNTRY,
  });
  return reply(workflowRoutes.orderEvent.response, { ok: true, state: r.state });
});
