import { z } from "zod";
import { getDb } from "@/db/client";
import { conflict, notFound } from "@/server/errors/app-error";
import { withAuth } from "@/server/http/handler";
import { reconcileConnection } from "@/server/intake/connectors/reconcile-connection";

export const dynamic = "force-dynamic";

/** Reconcile one store now (what the cron does every interval). 409 while another run holds it. */
export const POST = withAuth<{ id: string }>("intake:manage", async ({ params }) => {
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw notFound("Channel connection");
  const result = await reconcileConnection(getDb(), id.data, { now: new Date() });
  if (!result) throw conflict("This store is being reconciled already, or it is disabled");
  return result;
});
