import { getDb } from "@/db/client";
import { createPhantomProduct } from "@/server/continuity/create-phantom";
import { listSeriesProducts } from "@/server/continuity/list-programs";
import { programRoutes } from "@/server/continuity/program-routes.schema";
import { parseJson, withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";

/** What a series can ship: real items and phantom placeholders. */
export const GET = withAuth("programs:write", async () => reply(programRoutes.products.response, { products: await listSeriesProducts(getDb()) }));

/** Creates a phantom ("item of the month") product from the editor. */
export const POST = withAuth("programs:write", async ({ req, actor }) => {
  const input = await parseJson(req, programRoutes.createPhantom.body);
  return reply(programRoutes.createPhantom.response, await createPhantomProduct(getDb(), actor.userId, input), { status: 201 });
});
