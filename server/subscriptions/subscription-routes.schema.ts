/**
 * Contracts of the customer subscription API (app/api/v1/subscriptions, schedules, products,
 * suggestions). See server/http/route-contract.ts; the named DTOs are in subscription-dto.schema.ts.
 */
import { z } from "zod";
import { responseSchemas } from "../http/named-schemas";
import { defineRoute, uuidPath } from "../http/route-contract";
import { productDto, schedulePreviewDto, subscriptionDetailDto, subscriptionDto, suggestionDto } from "./subscription-dto.schema";
import { addAddonSchema, removeAddonSchema, swapOptionsDto, swapProductSchema } from "./swap-addons.schema";
import { acceptOfferSchema, cancelFlowSchema, customerOfferDto, offerQuerySchema } from "./save-offer.schema";
import {
  changeSubscriptionSchema,
  createSubscriptionSchema,
  cycleTargetSchema,
  pauseSchema,
  rescheduleSchema,
  schedulePreviewSchema,
  suggestionQuerySchema,
} from "./subscription.schema";

const tag = "Subscriptions";
const params = { id: uuidPath };
// Shared by every lifecycle action; named so the document does not call it after the first one.
const subscriptionResponse = z.object({ subscription: subscriptionDto }).register(responseSchemas, { id: "SubscriptionResponse" });
const lifecycle = { tag, params, response: subscriptionResponse, errors: [400, 401, 403, 404, 409, 422] } as const;

export const subscriptionRoutes = {
  schedulePreview: defineRoute({
    method: "POST",
    path: "/api/v1/schedules/preview",
    summary: "Next occurrences of a schedule (local dates and UTC instants)",
    tag: "Schedules",
    body: schedulePreviewSchema,
    response: schedulePreviewDto,
    errors: [400, 401, 422],
  }),
  products: defineRoute({
    method: "GET",
    path: "/api/v1/products",
    summary: "Products a customer can subscribe to",
    tag: "Catalog",
    response: z.object({ products: z.array(productDto) }),
    errors: [401, 403],
  }),
  list: defineRoute({
    method: "GET",
    path: "/api/v1/subscriptions",
    summary: "Your subscriptions",
    tag,
    response: z.object({ subscriptions: z.array(subscriptionDto) }),
    errors: [401, 403],
  }),
  create: defineRoute({
    method: "POST",
    path: "/api/v1/subscriptions",
    summary: "Create and confirm a subscription; the first order is created at once",
    tag,
    body: createSubscriptionSchema,
    status: 201,
    response: z.object({ subscription: subscriptionDto, firstOrderId: z.string().nullable() }),
    errors: [400, 401, 403, 422],
  }),
  detail: defineRoute({
    method: "GET",
    path: "/api/v1/subscriptions/{id}",
    summary: "A subscription with its next 6 deliveries, orders and activity",
    tag,
    params,
    response: subscriptionDetailDto,
    errors: [401, 403, 404],
  }),
  change: defineRoute({
    method: "PATCH",
    path: "/api/v1/subscriptions/{id}",
    summary: "Change frequency and/or quantity (from the next order; frequency re-anchors)",
    body: changeSubscriptionSchema,
    ...lifecycle,
  }),
  pause: defineRoute({
    method: "POST",
    path: "/api/v1/subscriptions/{id}/pause",
    summary: "Pause, optionally until a date",
    body: pauseSchema,
    bodyRequired: false,
    ...lifecycle,
  }),
  resume: defineRoute({
    method: "POST",
    path: "/api/v1/subscriptions/{id}/resume",
    summary: "Resume; deliveries that fell in the pause are not made up",
    ...lifecycle,
  }),
  skip: defineRoute({ method: "POST", path: "/api/v1/subscriptions/{id}/skip", summary: "Skip the next delivery", ...lifecycle }),
  unskip: defineRoute({
    method: "POST",
    path: "/api/v1/subscriptions/{id}/unskip",
    summary: "Restore a skipped delivery (the earliest upcoming one unless `cycleIndex` is given)",
    body: cycleTargetSchema,
    bodyRequired: false,
    ...lifecycle,
  }),
  reschedule: defineRoute({
    method: "POST",
    path: "/api/v1/subscriptions/{id}/reschedule",
    summary: "Move the next delivery to another date",
    body: rescheduleSchema,
    ...lifecycle,
  }),
  cancel: defineRoute({
    method: "POST",
    path: "/api/v1/subscriptions/{id}/cancel",
    summary: "Cancel, effective immediately; the reason, a note and the declined save offer are optional",
    body: cancelFlowSchema,
    bodyRequired: false,
    ...lifecycle,
  }),
  saveOffer: defineRoute({
    method: "GET",
    path: "/api/v1/subscriptions/{id}/save-offer",
    summary: "The save offer for a cancel reason (null when none applies); records that it was shown",
    tag,
    params,
    query: offerQuerySchema,
    response: z.object({ offer: customerOfferDto.nullable() }),
    errors: [401, 403, 404, 422],
  }),
  acceptOffer: defineRoute({
    method: "POST",
    path: "/api/v1/subscriptions/{id}/accept-offer",
    summary: "Keep the subscription on the save offer's terms instead of cancelling (each offer once; a repeat changes nothing)",
    body: acceptOfferSchema,
    ...lifecycle,
    response: z.object({ subscription: subscriptionDto, repeated: z.boolean() }),
  }),
  swap: defineRoute({
    method: "POST",
    path: "/api/v1/subscriptions/{id}/swap",
    summary: "Swap the product from the next delivery on (`future`) or for one delivery only (`once`); 422 when the swap isn't allowed",
    body: swapProductSchema,
    ...lifecycle,
  }),
  swapOptions: defineRoute({
    method: "GET",
    path: "/api/v1/subscriptions/{id}/swap-options",
    summary: "The products this subscription may be swapped to",
    tag,
    params,
    response: swapOptionsDto,
    errors: [401, 403, 404],
  }),
  addAddon: defineRoute({
    method: "POST",
    path: "/api/v1/subscriptions/{id}/addons",
    summary: "Add a product to the next delivery only (same order, same charge, not repeated); again sets its quantity",
    body: addAddonSchema,
    ...lifecycle,
  }),
  removeAddon: defineRoute({
    method: "POST",
    path: "/api/v1/subscriptions/{id}/addons/remove",
    summary: "Remove a one-time add-on before its delivery's order is created (409 once it exists)",
    body: removeAddonSchema,
    ...lifecycle,
  }),
  orderNow: defineRoute({
    method: "POST",
    path: "/api/v1/subscriptions/{id}/order-now",
    summary: "Create an extra order now, outside the schedule",
    tag,
    params,
    status: 201,
    alsoStatus: [200],
    response: z.object({ orderId: z.string(), created: z.boolean() }),
    errors: [400, 401, 403, 404, 409],
    headers: [
      { name: "Idempotency-Key", description: "Repeat a request with the same key to get the same order back (200) instead of a second order." },
    ],
  }),
  suggestFrequency: defineRoute({
    method: "GET",
    path: "/api/v1/suggestions/frequency",
    summary: "Frequency suggested from your past one-off orders of a product",
    tag,
    query: suggestionQuerySchema,
    response: suggestionDto,
    errors: [401, 403, 422],
  }),
};
