import { getDb } from "@/db/client";
import { parseQuery, withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { intakeAdminRoutes } from "@/server/intake/intake-routes.schema";
import { listPayloads } from "@/server/intake/list-payloads";

export const dynamic = "force-dynamic";

/** Intake payloads by channel / status / reason, newest first (no bodies). */
export const GET = withAuth("intake:manage", async ({ req }) =>
  reply(intakeAdminRoutes.payloads.response, { payloads: await listPayloads(getDb(), parseQuery(req, intakeAdminRoutes.payloads.query)) }),
);
