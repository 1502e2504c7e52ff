import { z } from "zod";
import type { FieldType } from "./order-fields";

export const CONDITION_OPS = ["eq", "neq", "gt", "gte", "lt", "lte", "in", "not_in", "contains"] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

/** Which operators make sense per field type; anything else is a type mismatch. */
export const OPS_BY_FIELD_TYPE = {
  number: ["eq", "neq", "gt", "gte", "lt", "lte", "in", "not_in"],
  string: ["eq", "neq", "in", "not_in", "contains"],
  boolean: ["eq", "neq"],
} as const satisfies Record<FieldType, readonly ConditionOp[]>;

/** Operators whose value is a list rather than a single scalar. */
export const LIST_OPS = ["in", "not_in"] as const satisfies readonly ConditionOp[];

export type ConditionScalar = string | number | boolean;
export type ConditionValue = ConditionScalar | ConditionScalar[];

export type Comparison = { field: string; op: ConditionOp; value: ConditionValue };
export type Condition = Comparison | { all: Condition[] } | { any: Condition[] } | { not: Condition };

const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);

// `field` is a plain string and values are loosely typed on purpose: unknown fields and
// type mismatches must survive parsing so validateDefinition can point at the element.
export const comparisonSchema = z.strictObject({
  field: z.string().min(1),
  op: z.enum(CONDITION_OPS),
  value: z.union([scalarSchema, z.array(scalarSchema)]),
});

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    comparisonSchema,
    z.strictObject({ all: z.array(conditionSchema) }),
    z.strictObject({ any: z.array(conditionSchema) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

export function isComparison(cond: Condition): cond is Comparison {
  return "field" in cond;
}

/** Every leaf comparison of a condition tree, in document order. */
export function comparisonsOf(cond: Condition): Comparison[] {
  if (isComparison(cond)) return [cond];
  if ("all" in cond) return cond.all.flatMap(comparisonsOf);
  if ("any" in cond) return cond.any.flatMap(comparisonsOf);
  return comparisonsOf(cond.not);
}
