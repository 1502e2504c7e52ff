import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";
import { testConnection } from "@/server/intake/connectors/test-connection";
import { intakeAdminRoutes } from "@/server/intake/intake-routes.schema";

export const dynamic = "force-dynamic";

/** "Test connection": one authenticated read against the store; the answer is recorded. */
export const POST = withAuth<{ id: string }>("intake:manage", async ({ actor, params }) => {
  const id = uuidParam(params.id, "Channel connection");
  return reply(intakeAdminRoutes.testConnection.response, await testConnection(getDb(), id, actor, { now: new Date() }));
});
