import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";
import { getPayloadDetail } from "@/server/intake/get-payload-detail";
import { intakeAdminRoutes } from "@/server/intake/intake-routes.schema";

export const dynamic = "force-dynamic";

/** One payload: raw body, correction, errors, canonical order, resulting order, related copies. */
export const GET = withAuth<{ id: string }>("intake:manage", async ({ params }) =>
  reply(intakeAdminRoutes.payload.response, await getPayloadDetail(getDb(), uuidParam(params.id, "Intake payload"))),
);
