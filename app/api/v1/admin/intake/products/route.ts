import { getDb } from "@/db/client";
import { parseQuery, withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { intakeAdminRoutes } from "@/server/intake/intake-routes.schema";
import { listIntakeProducts } from "@/server/intake/list-intake-products";

export const dynamic = "force-dynamic";

/** Sellable products an alias may point to. */
export const GET = withAuth("intake:manage", async ({ req }) =>
  reply(intakeAdminRoutes.products.response, {
    products: await listIntakeProducts(getDb(), parseQuery(req, intakeAdminRoutes.products.query).q),
  }),
);
