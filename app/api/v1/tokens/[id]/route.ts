import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { revokeApiToken } from "@/server/auth/api-tokens";
import { reply } from "@/server/http/reply";
import { tokenRoutes } from "@/server/auth/token-routes.schema";

export const DELETE = withAuth<{ id: string }>("subscriptions:own", async ({ actor, params }) => {
  await revokeApiToken(getDb(), actor.userId, uuidParam(params.id, "Token"));
  return reply(tokenRoutes.revoke.response, { ok: true });
});
