import { getDb } from "@/db/client";
import { parseQuery, withAuth } from "@/server/http/handler";
import { productsQuerySchema } from "@/server/intake/intake-admin.schema";
import { listIntakeProducts } from "@/server/intake/list-intake-products";

export const dynamic = "force-dynamic";

/** Sellable products an alias may point to. */
export const GET = withAuth("intake:manage", async ({ req }) => ({
  products: await listIntakeProducts(getDb(), parseQuery(req, productsQuerySchema).q),
}));
