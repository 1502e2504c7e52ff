import { getDb } from "@/db/client";
import { parseJson, withAuth } from "@/server/http/handler";
import { skuAliasBodySchema } from "@/server/intake/intake-admin.schema";
import { listSkuAliases, saveSkuAlias } from "@/server/intake/sku-aliases";

export const dynamic = "force-dynamic";

export const GET = withAuth("intake:manage", async () => ({ aliases: await listSkuAliases(getDb()) }));

/** Add or repoint a SKU alias; answers with the dead letters it may fix. */
export const POST = withAuth("intake:manage", async ({ req, actor }) =>
  saveSkuAlias(getDb(), await parseJson(req, skuAliasBodySchema), actor, { now: new Date() }),
);
