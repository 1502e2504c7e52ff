import {
  type Comparison,
  type ConditionOp,
  type ConditionScalar,
  type ConditionValue,
  LIST_OPS,
  OPS_BY_FIELD_TYPE,
  orderFieldSpec,
} from "@/server/workflows/model";

/** Pure helpers behind the condition builder: keep a row type-correct as the user changes it. */

export const isListOp = (op: ConditionOp) => (LIST_OPS as readonly string[]).includes(op);

export function opsForField(field: string): readonly ConditionOp[] {
  const spec = orderFieldSpec(field);
  return spec ? OPS_BY_FIELD_TYPE[spec.type] : [];
}

function defaultScalar(field: string): ConditionScalar {
  const type = orderFieldSpec(field)?.type;
  return type === "number" ? 0 : type === "boolean" ? true : "";
}

export function defaultComparison(field = "total"): Comparison {
  const type = orderFieldSpec(field)?.type;
  return { field, op: type === "number" ? "gt" : "eq", value: defaultScalar(field) };
}

function coerce(v: ConditionScalar, field: string): ConditionScalar {
  const type = orderFieldSpec(field)?.type;
  if (type === "number") {
    const n = typeof v === "number" ? v : Number(v);
    return Number.isFinite(n) && String(v).trim() !== "" ? n : 0;
  }
  if (type === "boolean") return typeof v === "boolean" ? v : v === "true";
  return typeof v === "string" ? v : String(v);
}

/** New field: keep the operator if it still applies, and convert the value to the field's type. */
export function changeField(c: Comparison, field: string): Comparison {
  const ops = opsForField(field);
  const op = ops.includes(c.op) ? c.op : (ops[0] ?? c.op);
  const values = Array.isArray(c.value) ? c.value : [c.value];
  const typed = values.map((v) => coerce(v, field));
  return { field, op, value: isListOp(op) ? typed : (typed[0] ?? defaultScalar(field)) };
}

/** New operator: switch between a single value and a list as needed. */
export function changeOp(c: Comparison, op: ConditionOp): Comparison {
  const list = isListOp(op);
  if (list === Array.isArray(c.value)) return { ...c, op };
  if (list) return { ...c, op, value: [c.value as ConditionScalar] };
  const first = (c.value as ConditionScalar[])[0];
  return { ...c, op, value: first ?? defaultScalar(c.field) };
}

/**
 * "coffee, tea" → ["coffee", "tea"]; numbers are parsed for number fields. Entries that are
 * not numbers stay strings so validation reports the mismatch instead of silently dropping it.
 */
export function parseList(text: string, field: string): ConditionScalar[] {
  const type = orderFieldSpec(field)?.type;
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s) => (type === "number" && Number.isFinite(Number(s)) ? Number(s) : s));
}

export function formatList(value: ConditionValue): string {
  return Array.isArray(value) ? value.join(", ") : String(value);
}
