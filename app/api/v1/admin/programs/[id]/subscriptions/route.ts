import { getDb } from "@/db/client";
import { programRoutes } from "@/server/continuity/program-routes.schema";
import { listWorkbenchSubscriptions } from "@/server/continuity/workbench-list";
import { parseQuery, withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";

/** Workbench: the program's subscriptions matching the filters. */
export const GET = withAuth<{ id: string }>("subscriptions:bulk_update", async ({ req, params }) =>
  reply(
    programRoutes.workbenchSubscriptions.response,
    await listWorkbenchSubscriptions(getDb(), uuidParam(params.id, "Program"), parseQuery(req, programRoutes.workbenchSubscriptions.query)),
  ),
);
