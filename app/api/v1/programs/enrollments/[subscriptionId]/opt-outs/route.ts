import { getDb } from "@/db/client";
import { customerIdOf } from "@/server/auth/actor";
import { setShipmentOptOut } from "@/server/continuity/opt-out";
import { programRoutes } from "@/server/continuity/program-routes.schema";
import { parseJson, withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";

type P = { subscriptionId: string };

/** Opt out of one upcoming shipment (until its processing lead). */
export const POST = withAuth<P>("subscriptions:own", async ({ req, actor, params }) => {
  const { shipmentIndex } = await parseJson(req, programRoutes.optOut.body);
  await setShipmentOptOut(
    getDb(),
    { userId: actor.userId, customerId: customerIdOf(actor) },
    uuidParam(params.subscriptionId, "Enrollment"),
    shipmentIndex,
    "opt_out",
    new Date(),
  );
  return reply(programRoutes.optOut.response, { ok: true });
});

/** Opt back in (until the processing lead). */
export const DELETE = withAuth<P>("subscriptions:own", async ({ req, actor, params }) => {
  const { shipmentIndex } = await parseJson(req, programRoutes.optIn.body);
  await setShipmentOptOut(
    getDb(),
    { userId: actor.userId, customerId: customerIdOf(actor) },
    uuidParam(params.subscriptionId, "Enrollment"),
    shipmentIndex,
    "opt_in",
    new Date(),
  );
  return reply(programRoutes.optIn.response, { ok: true });
});
