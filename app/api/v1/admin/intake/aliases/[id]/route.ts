import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { intIdParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";
import { intakeAdminRoutes } from "@/server/intake/intake-routes.schema";
import { deleteSkuAlias } from "@/server/intake/sku-aliases";

export const dynamic = "force-dynamic";

export const DELETE = withAuth<{ id: string }>("intake:manage", async ({ actor, params }) =>
  reply(intakeAdminRoutes.deleteAlias.response, await deleteSkuAlias(getDb(), intIdParam(params.id, "SKU alias"), actor, { now: new Date() })),
);
