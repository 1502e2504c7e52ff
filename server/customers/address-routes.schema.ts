/** Contracts of the customer's address book (app/api/v1/addresses). */
import { z } from "zod";
import { defineRoute, uuidPath } from "../http/route-contract";
import { addressDto, addressInputSchema } from "./address.schema";

const tag = "Addresses";
const params = { id: uuidPath };
const one = z.object({ address: addressDto });

export const addressRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/v1/addresses",
    summary: "Your address book, the default first, each with the subscriptions that ship there",
    tag,
    response: z.object({ addresses: z.array(addressDto) }),
    errors: [401, 403],
  }),
  create: defineRoute({
    method: "POST",
    path: "/api/v1/addresses",
    summary: "Add an address (the first one becomes the default); every field is validated, postal codes per country",
    tag,
    body: addressInputSchema,
    status: 201,
    response: one,
    errors: [400, 401, 403, 422],
  }),
  update: defineRoute({
    method: "PATCH",
    path: "/api/v1/addresses/{id}",
    summary: "Edit an address; subscriptions shipping there use it from their next order",
    tag,
    params,
    body: addressInputSchema,
    response: one,
    errors: [400, 401, 403, 404, 422],
  }),
  remove: defineRoute({
    method: "DELETE",
    path: "/api/v1/addresses/{id}",
    summary: "Delete an address; refused (409, naming them) while a subscription or an upcoming delivery ships there",
    tag,
    params,
    response: z.object({ deleted: z.literal(true), newDefaultId: z.string().nullable() }),
    errors: [401, 403, 404, 409],
  }),
  setDefault: defineRoute({
    method: "POST",
    path: "/api/v1/addresses/{id}/default",
    summary: "Make this your default address",
    tag,
    params,
    response: one,
    errors: [401, 403, 404],
  }),
};
