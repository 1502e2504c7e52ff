/** Contracts of the personal API token routes (app/api/v1/tokens). */
import { z } from "zod";
import { defineRoute, uuidPath } from "../http/route-contract";
import { apiTokenDto } from "../subscriptions/subscription-dto.schema";
import { createTokenSchema } from "../subscriptions/subscription.schema";

const tag = "Tokens";

export const tokenRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/v1/tokens",
    summary: "Your API tokens (never the secret)",
    tag,
    response: z.object({ tokens: z.array(apiTokenDto) }),
    errors: [401, 403],
  }),
  create: defineRoute({
    method: "POST",
    path: "/api/v1/tokens",
    summary: "Create an API token; the secret is returned once",
    tag,
    body: createTokenSchema,
    status: 201,
    response: z.object({ token: z.string(), apiToken: apiTokenDto }),
    errors: [400, 401, 403, 422],
  }),
  revoke: defineRoute({
    method: "DELETE",
    path: "/api/v1/tokens/{id}",
    summary: "Revoke an API token",
    tag,
    params: { id: uuidPath },
    response: z.object({ ok: z.literal(true) }),
    errors: [401, 403, 404],
  }),
};
