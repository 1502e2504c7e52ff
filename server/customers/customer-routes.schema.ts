/** Contract of the public sign-up route (app/api/v1/signup). */
import { z } from "zod";
import { defineRoute } from "../http/route-contract";
import { registerCustomerSchema } from "./register-customer.schema";

export const customerRoutes = {
  signup: defineRoute({
    method: "POST",
    path: "/api/v1/signup",
    summary: "Create a customer account (the same answer whether or not the email was taken)",
    tag: "Accounts",
    auth: "public",
    body: registerCustomerSchema,
    status: 202,
    response: z.object({ status: z.literal("accepted"), message: z.string() }),
    errors: [400, 403, 422, 429],
  }),
};
