import { describe, expect, it } from "vitest";
import type { Condition } from "./condition.schema";
import { checkComparison, ConditionError, describeCondition, evaluateCondition } from "./conditions";
import type { OrderField } from "./order-fields";
import { sampleOrderFacts } from "./sample-order-facts";

const facts = sampleOrderFacts({
  total: 10_000,
  currency: "EUR",
  productCategory: ["tea", "coffee"],
  addressValid: false,
  inventoryLevel: 3,
});

describe("evaluateCondition", () => {
  it.each<[string, Condition, boolean]>([
    ["number eq", { field: "total", op: "eq", value: 10_000 }, true],
    ["number neq", { field: "total", op: "neq", value: 10_000 }, false],
    ["number gt (equal is not greater)", { field: "total", op: "gt", value: 10_000 }, false],
    ["number gte", { field: "total", op: "gte", value: 10_000 }, true],
    ["number lt", { field: "inventoryLevel", op: "lt", value: 5 }, true],
    ["number lte", { field: "inventoryLevel", op: "lte", value: 2 }, false],
    ["number in", { field: "lineCount", op: "in", value: [1, 2] }, true],
    ["string in", { field: "currency", op: "in", value: ["USD", "EUR"] }, true],
    ["string not_in", { field: "currency", op: "not_in", value: ["USD", "EUR"] }, false],
    ["string contains", { field: "channel", op: "contains", value: "we" }, true],
    ["boolean eq", { field: "addressValid", op: "eq", value: false }, true],
    ["boolean neq", { field: "isInternational", op: "neq", value: false }, false],
    ["any line eq", { field: "productCategory", op: "eq", value: "coffee" }, true],
    ["any line in", { field: "productCategory", op: "in", value: ["wine", "tea"] }, true],
    ["any line contains", { field: "productCategory", op: "contains", value: "off" }, true],
    ["neq on lines means no line", { field: "productCategory", op: "neq", value: "tea" }, false],
    ["neq on lines, absent value", { field: "productCategory", op: "neq", value: "wine" }, true],
    ["not_in on lines means no line", { field: "productCategory", op: "not_in", value: ["tea"] }, false],
    [
      "all: both true",
      {
        all: [
          { field: "total", op: "gt", value: 1 },
          { field: "currency", op: "eq", value: "EUR" },
        ],
      },
      true,
    ],
    [
      "all: one false",
      {
        all: [
          { field: "total", op: "gt", value: 1 },
          { field: "currency", op: "eq", value: "USD" },
        ],
      },
      false,
    ],
    [
      "any: one true",
      {
        any: [
          { field: "total", op: "lt", value: 1 },
          { field: "currency", op: "eq", value: "EUR" },
        ],
      },
      true,
    ],
    [
      "any: none true",
      {
        any: [
          { field: "total", op: "lt", value: 1 },
          { field: "currency", op: "eq", value: "USD" },
        ],
      },
      false,
    ],
    ["not", { not: { field: "addressValid", op: "eq", value: true } }, true],
    ["empty all is true", { all: [] }, true],
    ["empty any is false", { any: [] }, false],
    [
      "nested",
      {
        all: [
          { not: { field: "country", op: "eq", value: "US" } },
          {
            any: [
              { field: "lineCount", op: "gte", value: 5 },
              { field: "total", op: "gte", value: 10_000 },
            ],
          },
        ],
      },
      true,
    ],
  ])("%s", (_name, cond, expected) => {
    expect(evaluateCondition(cond, facts)).toBe(expected);
  });

  it("treats an order without lines as matching no positive comparison", () => {
    const empty = sampleOrderFacts({ productCategory: [] });
    expect(evaluateCondition({ field: "productCategory", op: "eq", value: "tea" }, empty)).toBe(false);
    expect(evaluateCondition({ field: "productCategory", op: "neq", value: "tea" }, empty)).toBe(true);
  });

  it.each<[string, Condition]>([
    ["string value for a number field", { field: "total", op: "eq", value: "10000" }],
    ["ordering op on a boolean", { field: "addressValid", op: "gt", value: 1 }],
    ["contains on a number", { field: "total", op: "contains", value: 1 }],
    ["scalar for in", { field: "currency", op: "in", value: "EUR" }],
    ["list for eq", { field: "currency", op: "eq", value: ["EUR"] }],
    ["mixed list", { field: "currency", op: "in", value: ["EUR", 1] }],
    ["unknown field", { field: "weight", op: "gt", value: 1 }],
  ])("throws ConditionError on %s, even under not", (_name, cond) => {
    expect(() => evaluateCondition(cond, facts)).toThrow(ConditionError);
    expect(() => evaluateCondition({ not: cond }, facts)).toThrow(ConditionError);
  });

  it("throws when a fact has the wrong runtime type", () => {
    const bad = { ...facts, total: "10000" } as unknown as typeof facts;
    expect(() => evaluateCondition({ field: "total", op: "gt", value: 1 }, bad)).toThrow(/not a number/);
  });

  it("records only the fields it actually read (short-circuit)", () => {
    const reads = new Set<OrderField>();
    const cond: Condition = {
      any: [
        { field: "currency", op: "eq", value: "EUR" },
        { field: "total", op: "gt", value: 1 },
      ],
    };
    evaluateCondition(cond, facts, reads);
    expect([...reads]).toEqual(["currency"]);
  });
});

describe("checkComparison", () => {
  it("classifies unknown fields and mismatches, and accepts valid comparisons", () => {
    expect(checkComparison({ field: "weight", op: "eq", value: 1 })?.code).toBe("unknown_field");
    expect(checkComparison({ field: "country", op: "lt", value: "DE" })?.code).toBe("type_mismatch");
    expect(checkComparison({ field: "country", op: "in", value: [] })?.code).toBe("type_mismatch");
    expect(checkComparison({ field: "total", op: "eq", value: Number.NaN })?.code).toBe("type_mismatch");
    expect(checkComparison({ field: "country", op: "not_in", value: ["US", "CA"] })).toBeNull();
  });
});

describe("describeCondition", () => {
  it("renders a readable guard", () => {
    const cond: Condition = {
      all: [{ field: "total", op: "gt", value: 50_000 }, { not: { field: "country", op: "in", value: ["DE", "AT"] } }],
    };
    expect(describeCondition(cond)).toBe('(total > 50000 AND NOT country in ["DE","AT"])');
  });
});
