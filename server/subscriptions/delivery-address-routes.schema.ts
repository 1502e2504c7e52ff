/**
 * Contracts of where a subscription ships: its own address (this and all future deliveries) and
 * one delivery sent elsewhere (app/api/v1/subscriptions/{id}/address, …/deliveries/{cycleIndex}/address).
 */
import { z } from "zod";
import { responseSchemas } from "../http/named-schemas";
import { defineRoute, uuidPath } from "../http/route-contract";
import { subscriptionDto } from "./subscription-dto.schema";
import { subscriptionAddressSchema } from "./delivery-address.schema";

const tag = "Subscriptions";
const response = z.object({ subscription: subscriptionDto }).register(responseSchemas, { id: "SubscriptionAddressResponse" });
const cycleParams = {
  id: uuidPath,
  cycleIndex: z.string().regex(/^\d+$/).meta({ description: "The delivery's cycle index (upcoming deliveries list it)." }),
};

export const deliveryAddressRoutes = {
  change: defineRoute({
    method: "PUT",
    path: "/api/v1/subscriptions/{id}/address",
    summary: "Ship this and all future deliveries to another of your addresses (orders already created keep theirs)",
    tag,
    params: { id: uuidPath },
    body: subscriptionAddressSchema,
    response,
    errors: [400, 401, 403, 404, 409, 422],
  }),
  setDelivery: defineRoute({
    method: "PUT",
    path: "/api/v1/subscriptions/{id}/deliveries/{cycleIndex}/address",
    summary: "Send this one delivery to another address (a gift); locked (409) once its order exists",
    tag,
    params: cycleParams,
    body: subscriptionAddressSchema,
    response,
    errors: [400, 401, 403, 404, 409, 422],
  }),
  removeDelivery: defineRoute({
    method: "DELETE",
    path: "/api/v1/subscriptions/{id}/deliveries/{cycleIndex}/address",
    summary: "This delivery ships to the subscription's address again; locked (409) once its order exists",
    tag,
    params: cycleParams,
    response,
    errors: [401, 403, 404, 409],
  }),
};
