import { getDb } from "@/db/client";
import { conflict } from "@/server/errors/app-error";
import { withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";
import { reconcileConnection } from "@/server/intake/connectors/reconcile-connection";
import { intakeAdminRoutes } from "@/server/intake/intake-routes.schema";

export const dynamic = "force-dynamic";

/** Reconcile one store now (what the cron does every interval). 409 while another run holds it. */
export const POST = withAuth<{ id: string }>("intake:manage", async ({ params }) => {
  const id = uuidParam(params.id, "Channel connection");
  const result = await reconcileConnection(getDb(), id, { now: new Date() });
  if (!result) throw conflict("This store is being reconciled already, or it is disabled");
  return reply(intakeAdminRoutes.reconcile.response, result);
});
