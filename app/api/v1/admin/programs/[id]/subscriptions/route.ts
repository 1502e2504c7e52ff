import { getDb } from "@/db/client";
import { listWorkbenchSubscriptions } from "@/server/continuity/workbench-list";
import { workbenchFilterSchema } from "@/server/continuity/workbench.schema";
import { parseQuery, withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";

/** Workbench: the program's subscriptions matching the filters. */
export const GET = withAuth<{ id: string }>("subscriptions:bulk_update", async ({ req, params }) =>
  listWorkbenchSubscriptions(getDb(), uuidParam(params.id, "Program"), parseQuery(req, workbenchFilterSchema)),
);
