import { getDb } from "@/db/client";
import { parseJson, withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { createConnection } from "@/server/intake/connectors/create-connection";
import { listConnections } from "@/server/intake/connectors/list-connections";
import { intakeAdminRoutes } from "@/server/intake/intake-routes.schema";

export const dynamic = "force-dynamic";

/** Connected stores, without their credentials (never shown again once saved). */
export const GET = withAuth("intake:manage", async () =>
  reply(intakeAdminRoutes.connections.response, { connections: await listConnections(getDb()) }),
);

/** Connect a store: credentials and webhook secret are encrypted with CHANNEL_CREDENTIALS_KEY. */
export const POST = withAuth("intake:manage", async ({ req, actor }) => {
  const input = await parseJson(req, intakeAdminRoutes.createConnection.body);
  const connection = await createConnection(getDb(), input, actor, { now: new Date() });
  return reply(intakeAdminRoutes.createConnection.response, { connection }, { status: 201 });
});
