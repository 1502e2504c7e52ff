import { describe, expect, it } from "vitest";
import type { CanonicalOrder } from "./adapters/canonical-order";
import { applySkuAliases } from "./apply-sku-aliases";

const line = (sku: string, quantity: number, unitPriceMinor = 1000) => ({ sku, quantity, unitPriceMinor, discountMinor: 0, taxMinor: 0 });
const order = (lines: CanonicalOrder["lines"]): CanonicalOrder => ({
  channel: "shopify",
  externalId: "1",
  placedAt: "2024-01-01T00:00:00.000Z",
  customer: { email: "a@example.com" },
  currency: "USD",
  lines,
  totals: { subtotalMinor: 0, discountMinor: 0, taxMinor: 0, shippingMinor: 0, totalMinor: 0, taxesIncluded: false },
  status: "paid",
  test: false,
  notes: ["existing: note"],
});

describe("applySkuAliases", () => {
  it("maps channel SKUs to ours and records each substitution", () => {
    const result = applySkuAliases(order([line("variant:9", 1), line("OURS-1", 2)]), new Map([["variant:9", "OURS-2"]]));
    expect(result.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ["OURS-2", 1],
      ["OURS-1", 2],
    ]);
    expect(result.aliases).toEqual([{ line: 0, from: "variant:9", to: "OURS-2" }]);
    expect(result.notes).toEqual(["existing: note", "sku_alias: lines[0] variant:9 → OURS-2"]);
  });

  it("merges lines that become the same SKU at the same price", () => {
    const result = applySkuAliases(order([line("A", 1), line("OURS", 2)]), new Map([["A", "OURS"]]));
    expect(result.lines).toEqual([line("OURS", 3)]);
    expect(result.notes.some((n) => n.startsWith("merged_lines:"))).toBe(true);
  });

  it("returns the order unchanged when no alias applies", () => {
    const input = order([line("OURS", 1)]);
    expect(applySkuAliases(input, new Map([["OTHER", "X"]]))).toBe(input);
    expect(applySkuAliases(input, new Map())).toBe(input);
  });
});
