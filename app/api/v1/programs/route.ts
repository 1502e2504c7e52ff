import { getDb } from "@/db/client";
import { listActivePrograms } from "@/server/continuity/customer-programs";
import { programRoutes } from "@/server/continuity/program-routes.schema";
import { withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";

/** Customers: programs open for joining. */
export const GET = withAuth("subscriptions:own", async () =>
  reply(programRoutes.portalList.response, { programs: await listActivePrograms(getDb()) }),
);
