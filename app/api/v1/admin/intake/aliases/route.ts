import { getDb } from "@/db/client";
import { parseJson, withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { intakeAdminRoutes } from "@/server/intake/intake-routes.schema";
import { listSkuAliases, saveSkuAlias } from "@/server/intake/sku-aliases";

export const dynamic = "force-dynamic";

export const GET = withAuth("intake:manage", async () => reply(intakeAdminRoutes.aliases.response, { aliases: await listSkuAliases(getDb()) }));

/** Add or repoint a SKU alias; answers with the dead letters it may fix. */
export const POST = withAuth("intake:manage", async ({ req, actor }) =>
  reply(
    intakeAdminRoutes.saveAlias.response,
    await saveSkuAlias(getDb(), await parseJson(req, intakeAdminRoutes.saveAlias.body), actor, { now: new Date() }),
  ),
);
