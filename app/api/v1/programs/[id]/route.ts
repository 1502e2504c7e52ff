import { getDb } from "@/db/client";
import { customerIdOf } from "@/server/auth/actor";
import { getProgramForCustomer } from "@/server/continuity/customer-programs";
import { programRoutes } from "@/server/continuity/program-routes.schema";
import { withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";

/** The program as this customer would get it joining today: version, next 12 shipments. */
export const GET = withAuth<{ id: string }>("subscriptions:own", async ({ actor, params }) =>
  reply(programRoutes.portalProgram.response, await getProgramForCustomer(getDb(), customerIdOf(actor), uuidParam(params.id, "Program"), new Date())),
);
