/** Contracts of the merchandiser's save-offer routes (app/api/v1/admin/save-offers). */
import { z } from "zod";
import { defineRoute } from "../http/route-contract";
import { cancelReasonSchema, putSaveOfferSchema, saveOfferDto } from "./save-offer.schema";

const tag = "Save offers";

export const saveOfferRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/v1/admin/save-offers",
    summary: "The save offer of each cancel reason, with how often it was accepted",
    tag,
    response: z.object({ offers: z.array(saveOfferDto) }),
    errors: [401, 403],
  }),
  put: defineRoute({
    method: "PUT",
    path: "/api/v1/admin/save-offers/{reason}",
    summary: "Set the save offer of a cancel reason (switch it off with active: false)",
    tag,
    params: { reason: cancelReasonSchema },
    body: putSaveOfferSchema,
    response: z.object({ offer: saveOfferDto }),
    errors: [400, 401, 403, 404, 422],
  }),
};
