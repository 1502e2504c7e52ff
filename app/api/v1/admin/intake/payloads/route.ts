import { getDb } from "@/db/client";
import { parseQuery, withAuth } from "@/server/http/handler";
import { listPayloadsQuerySchema } from "@/server/intake/intake-admin.schema";
import { listPayloads } from "@/server/intake/list-payloads";

export const dynamic = "force-dynamic";

/** Intake payloads by channel / status / reason, newest first (no bodies). */
export const GET = withAuth("intake:manage", async ({ req }) => ({
  payloads: await listPayloads(getDb(), parseQuery(req, listPayloadsQuerySchema)),
}));
