import { z } from "zod";
import { getDb } from "@/db/client";
import { customerIdOf } from "@/server/auth/actor";
import { setShipmentOptOut } from "@/server/continuity/opt-out";
import { parseJson, withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";

// Bounded like every integer we take in: above int4 it used to reach PostgreSQL and fail there.
const body = z.object({
  shipmentIndex: z
    .number({ error: "Choose a shipment" })
    .int({ error: "Choose a shipment" })
    .min(0, { error: "Choose a shipment" })
    .max(10_000, { error: "No such shipment" }),
});
type P = { subscriptionId: string };

/** Opt out of one upcoming shipment (until its processing lead). */
export const POST = withAuth<P>("subscriptions:own", async ({ req, actor, params }) => {
  const { shipmentIndex } = await parseJson(req, body);
  await setShipmentOptOut(
    getDb(),
    { userId: actor.userId, customerId: customerIdOf(actor) },
    uuidParam(params.subscriptionId, "Enrollment"),
    shipmentIndex,
    "opt_out",
    new Date(),
  );
  return { ok: true };
});

/** Opt back in (until the processing lead). */
export const DELETE = withAuth<P>("subscriptions:own", async ({ req, actor, params }) => {
  const { shipmentIndex } = await parseJson(req, body);
  await setShipmentOptOut(
    getDb(),
    { userId: actor.userId, customerId: customerIdOf(actor) },
    uuidParam(params.subscriptionId, "Enrollment"),
    shipmentIndex,
    "opt_in",
    new Date(),
  );
  return { ok: true };
});
