import { getDb } from "@/db/client";
import { parseJson, withAuth } from "@/server/http/handler";
import { createConnectionBodySchema } from "@/server/intake/channel-connections.schema";
import { createConnection } from "@/server/intake/connectors/create-connection";
import { listConnections } from "@/server/intake/connectors/list-connections";

export const dynamic = "force-dynamic";

/** Connected stores, without their credentials (never shown again once saved). */
export const GET = withAuth("intake:manage", async () => ({ connections: await listConnections(getDb()) }));

/** Connect a store: credentials and webhook secret are encrypted with CHANNEL_CREDENTIALS_KEY. */
export const POST = withAuth("intake:manage", async ({ req, actor }) => {
  const input = await parseJson(req, createConnectionBodySchema);
  return Response.json({ connection: await createConnection(getDb(), input, actor, { now: new Date() }) }, { status: 201 });
});
