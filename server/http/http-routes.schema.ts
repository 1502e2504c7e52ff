/** Contract of the API description itself (app/api/v1/openapi.json). */
import { z } from "zod";
import { defineRoute } from "./route-contract";

export const httpRoutes = {
  openapi: defineRoute({
    method: "GET",
    path: "/api/v1/openapi.json",
    summary: "This document (OpenAPI 3.1)",
    tag: "Meta",
    auth: "public",
    response: z.looseObject({ openapi: z.literal("3.1.0"), paths: z.record(z.string(), z.unknown()) }),
    errors: [],
  }),
};
