import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { listSaveOffers } from "@/server/subscriptions/list-save-offers";
import { saveOfferRoutes } from "@/server/subscriptions/save-offer-routes.schema";

export const GET = withAuth("save_offers:write", async () => reply(saveOfferRoutes.list.response, { offers: await listSaveOffers(getDb()) }));
