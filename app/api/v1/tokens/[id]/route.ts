import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { revokeApiToken } from "@/server/auth/api-tokens";

export const DELETE = withAuth<{ id: string }>("subscriptions:own", async ({ actor, params }) => {
  await revokeApiToken(getDb(), actor.userId, params.id);
  return { ok: true };
});
