import { describe, expect, it } from "vitest";
import { checkComparison } from "@/server/workflows/model";
import { changeField, changeOp, defaultComparison, opsForField, parseList } from "./condition-edits";

describe("condition builder helpers", () => {
  it("makes a valid default row for every field type", () => {
    for (const field of ["total", "currency", "addressValid", "productCategory"]) {
      expect(checkComparison(defaultComparison(field))).toBeNull();
    }
  });

  it("keeps the operator when the new field supports it and coerces the value", () => {
    const c = changeField({ field: "total", op: "eq", value: 500 }, "currency");
    expect(c).toEqual({ field: "currency", op: "eq", value: "500" });
    expect(checkComparison(c)).toBeNull();
  });

  it("falls back to the first valid operator for the new field", () => {
    const c = changeField({ field: "total", op: "gt", value: 10 }, "addressValid");
    expect(c.op).toBe(opsForField("addressValid")[0]);
    expect(typeof c.value).toBe("boolean");
  });

  it("switches between a value and a list with the operator", () => {
    const list = changeOp({ field: "country", op: "eq", value: "DE" }, "in");
    expect(list.value).toEqual(["DE"]);
    expect(changeOp(list, "neq").value).toBe("DE");
  });

  it("parses lists, typed for number fields", () => {
    expect(parseList(" coffee, tea ,,", "productCategory")).toEqual(["coffee", "tea"]);
    expect(parseList("1, 2, x", "lineCount")).toEqual([1, 2, "x"]);
    // The stray string is kept so validation can point at it.
    expect(checkComparison({ field: "lineCount", op: "in", value: parseList("1, x", "lineCount") })?.code).toBe("type_mismatch");
  });
});
