import { z } from "zod";
import { intIdParam } from "@/server/http/path-params";
import { ORDER_FIELDS, workflowDefinitionSchema } from "../model";

/** Route param → workflow id; anything else is a 404, not a 422 (ids are not user input). */
export function workflowIdParam(raw: string): number {
  return intIdParam(raw, "Workflow");
}

export const draftBodySchema = z.object({ definition: workflowDefinitionSchema });

/** An order's facts as guards see them (ORDER_FIELDS); the simulator's input takes any subset. */
export const orderFactsSchema = z.object({
  total: z.number(),
  currency: z.string(),
  customerTier: z.string(),
  productCategory: z.array(z.string()),
  country: z.string(),
  addressValid: z.boolean(),
  inventoryLevel: z.number(),
  channel: z.string(),
  lineCount: z.number(),
  isInternational: z.boolean(),
} satisfies Record<(typeof ORDER_FIELDS)[number]["name"], z.ZodType>);
const factsSchema = orderFactsSchema.partial();

export const simulateBodySchema = z.object({
  definition: workflowDefinitionSchema,
  facts: factsSchema.optional(),
  lastN: z.int().min(1).max(50).optional(),
  outcomes: z.record(z.string(), z.enum(["success", "fail"])).optional(),
});

export const reviewDecisionSchema = z.object({
  decision: z.enum(["approve", "reject"]),
  note: z.string().trim().max(2_000).optional(),
});

export const orderEventBodySchema = z.object({
  event: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[a-z0-9_.\-/]+$/i, "Use an event name like order/shipped"),
  data: z.record(z.string(), z.unknown()).optional(),
});
