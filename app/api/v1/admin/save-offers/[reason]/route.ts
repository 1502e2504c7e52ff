import { getDb } from "@/db/client";
import { notFound } from "@/server/errors/app-error";
import { parseJson, withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { putSaveOffer } from "@/server/subscriptions/put-save-offer";
import { cancelReasonSchema } from "@/server/subscriptions/save-offer.schema";
import { saveOfferRoutes } from "@/server/subscriptions/save-offer-routes.schema";

export const PUT = withAuth<{ reason: string }>("save_offers:write", async ({ req, actor, params }) => {
  const reason = cancelReasonSchema.safeParse(params.reason);
  // A path segment that names no reason names no resource.
  if (!reason.success) throw notFound("Cancel reason");
  const input = await parseJson(req, saveOfferRoutes.put.body);
  return reply(saveOfferRoutes.put.response, { offer: await putSaveOffer(getDb(), actor.userId, reason.data, input, new Date()) });
});
