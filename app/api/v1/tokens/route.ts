import { getDb } from "@/db/client";
import { parseJson, withAuth } from "@/server/http/handler";
import { createApiToken, listApiTokens } from "@/server/auth/api-tokens";
import { reply } from "@/server/http/reply";
import { tokenRoutes } from "@/server/auth/token-routes.schema";

export const GET = withAuth("subscriptions:own", async ({ actor }) =>
  reply(tokenRoutes.list.response, { tokens: await listApiTokens(getDb(), actor.userId) }),
);

/** Creates a personal API token; the plain `token` is in this response only. */
export const POST = withAuth("subscriptions:own", async ({ req, actor }) => {
  const { name } = await parseJson(req, tokenRoutes.create.body);
  return reply(tokenRoutes.create.response, await createApiToken(getDb(), actor.userId, name, new Date()), { status: 201 });
});
