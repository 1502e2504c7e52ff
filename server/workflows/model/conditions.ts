import { type Comparison, type Condition, type ConditionScalar, isComparison, LIST_OPS, OPS_BY_FIELD_TYPE } from "./condition.schema";
import { type OrderFacts, type OrderField, orderFieldSpec } from "./order-fields";

/**
 * Thrown for guards that cannot be evaluated (unknown field, type mismatch, malformed fact).
 * Throwing instead of returning false keeps `not` from turning a broken guard into "true".
 */
export class ConditionError extends Error {
  override name = "ConditionError";
}

export type ComparisonIssue = { code: "unknown_field" | "type_mismatch"; message: string };

/** Static check shared by validateDefinition (as a Problem) and evaluation (as a throw). */
export function checkComparison(c: Comparison): ComparisonIssue | null {
  const spec = orderFieldSpec(c.field);
  if (!spec) return { code: "unknown_field", message: `Unknown order field "${c.field}"` };
  const allowed: readonly string[] = OPS_BY_FIELD_TYPE[spec.type];
  if (!allowed.includes(c.op)) {
    return { code: "type_mismatch", message: `Operator "${c.op}" is not valid for ${spec.type} field "${c.field}"` };
  }
  const isList = (LIST_OPS as readonly string[]).includes(c.op);
  if (isList !== Array.isArray(c.value)) {
    return {
      code: "type_mismatch",
      message: `"${c.op}" on "${c.field}" needs ${isList ? "a list" : "a single value"}`,
    };
  }
  const values = Array.isArray(c.value) ? c.value : [c.value];
  if (isList && values.length === 0) return { code: "type_mismatch", message: `"${c.op}" needs at least one value` };
  const bad = values.find((v) => typeof v !== spec.type || (typeof v === "number" && !Number.isFinite(v)));
  if (bad !== undefined) {
    return { code: "type_mismatch", message: `"${c.field}" is a ${spec.type}, got ${JSON.stringify(bad)}` };
  }
  return null;
}

function compareScalar(actual: ConditionScalar, c: Comparison): boolean {
  const v = c.value;
  switch (c.op) {
    case "eq":
      return actual === v;
    case "neq":
      return actual !== v;
    case "in":
      return Array.isArray(v) && v.includes(actual);
    case "not_in":
      return Array.isArray(v) && !v.includes(actual);
    case "contains":
      return typeof actual === "string" && typeof v === "string" && actual.includes(v);
    default: {
      if (typeof actual !== "number" || typeof v !== "number") return false;
      if (c.op === "gt") return actual > v;
      if (c.op === "gte") return actual >= v;
      if (c.op === "lt") return actual < v;
      return actual <= v;
    }
  }
}

function evaluateComparison(c: Comparison, facts: OrderFacts, reads?: Set<OrderField>): boolean {
  const issue = checkComparison(c);
  if (issue) throw new ConditionError(issue.message);
  const spec = orderFieldSpec(c.field);
  if (!spec) throw new ConditionError(`Unknown order field "${c.field}"`);
  reads?.add(spec.name);
  const raw: unknown = facts[spec.name];
  const lines = spec.many ? raw : [raw];
  if (!Array.isArray(lines) || lines.some((x) => typeof x !== spec.type)) {
    throw new ConditionError(`Fact "${spec.name}" is not a ${spec.type}${spec.many ? " list" : ""}`);
  }
  const scalars = lines.filter((x): x is ConditionScalar => typeof x === spec.type);
  // Multi-line fields: positive ops hold if ANY line matches; neq/not_in are their
  // negations, so "productCategory neq alcohol" means "no line is alcohol".
  if (c.op === "neq" || c.op === "not_in") return scalars.every((x) => compareScalar(x, c));
  return scalars.some((x) => compareScalar(x, c));
}

/**
 * Evaluates a guard against order facts. `all: []` is true and `any: []` is false (the
 * identities of AND/OR). Evaluation short-circuits; `reads` collects the fields actually
 * consulted, which is what the runtime audits as the decision's inputs.
 */
export function evaluateCondition(cond: Condition, facts: OrderFacts, reads?: Set<OrderField>): boolean {
  if (isComparison(cond)) return evaluateComparison(cond, facts, reads);
  if ("all" in cond) return cond.all.every((c) => evaluateCondition(c, facts, reads));
  if ("any" in cond) return cond.any.some((c) => evaluateCondition(c, facts, reads));
  return !evaluateCondition(cond.not, facts, reads);
}

const OP_TEXT = {
  eq: "=",
  neq: "!=",
  gt: ">",
  gte: ">=",
  lt: "<",
  lte: "<=",
  in: "in",
  not_in: "not in",
  contains: "contains",
} as const;

/** Human-readable guard, e.g. `(total > 50000 AND NOT country = "US")`, for audit and UI. */
export function describeCondition(cond: Condition): string {
  if (isComparison(cond)) return `${cond.field} ${OP_TEXT[cond.op]} ${JSON.stringify(cond.value)}`;
  if ("all" in cond) return cond.all.length === 0 ? "true" : `(${cond.all.map(describeCondition).join(" AND ")})`;
  if ("any" in cond) return cond.any.length === 0 ? "false" : `(${cond.any.map(describeCondition).join(" OR ")})`;
  return `NOT ${describeCondition(cond.not)}`;
}
