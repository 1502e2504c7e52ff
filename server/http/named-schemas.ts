import { z } from "zod";

/**
 * The v1 API's named schemas (ids become `#/components/schemas/<id>` in the OpenAPI document).
 * A registry of our own, not zod's global one, so another feature's ids can never collide.
 * Request bodies are rendered as zod *input* (defaults optional), responses as *output*.
 */
export const requestSchemas = z.registry<{ id: string }>();
export const responseSchemas = z.registry<{ id: string }>();
