import { describe, expect, it } from "vitest";
import { z } from "zod";
import { editFixture } from "@/test/support/intake/edit-fixture";
import { loadFixture } from "@/test/support/intake/load-fixture";
import { apiAdapter } from "./api-adapter";
import { apiOrderSchema } from "./canonical-order";

describe("apiAdapter.parse", () => {
  it("accepts the canonical order and stamps the channel", () => {
    const result = apiAdapter.parse(loadFixture("api-order"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.order).toMatchObject({
      channel: "api",
      externalId: "ERP-2024-000187",
      placedAt: "2024-03-15T08:30:00.000Z",
      currency: "KWD",
      totals: { subtotalMinor: 91850, discountMinor: 1530, taxMinor: 0, shippingMinor: 2500, totalMinor: 92820, taxesIncluded: false },
      status: "paid",
      test: false,
      notes: [],
    });
    expect(result.order.lines.map((l) => [l.sku, l.quantity, l.unitPriceMinor])).toEqual([
      ["FLT-CART-3PK", 10, 6125],
      ["BEAN-ESP-1KG", 4, 7650],
    ]);
  });

  it("applies the same quirks as the channels: duplicate lines merge, totals are flagged", () => {
    const line = { sku: "FLT-CART-3PK", quantity: 1, unitPriceMinor: 6125, discountMinor: 0, taxMinor: 0 };
    const result = apiAdapter.parse(editFixture("api-order", { "lines[2]": line }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.order.lines[0]?.quantity).toBe(11);
    expect(result.order.notes).toEqual([
      "merged_lines: 2 lines of FLT-CART-3PK merged into one with quantity 11",
      "subtotal_mismatch: channel 91.850 vs computed 97.975 (difference -6.125 KWD)",
      "totals_mismatch: channel 92.820 vs computed 98.945 (difference -6.125 KWD)",
    ]);
  });

  it("returns every schema error with its request path", () => {
    const result = apiAdapter.parse(
      editFixture("api-order", {
        "customer.email": undefined,
        currency: "kwd",
        placedAt: "2024-03-15T08:30:00+03:00",
        "lines[1].sku": " ",
        "lines[0].unitPriceMinor": 61.25,
        "totals.totalMinor": -1,
        channel: "shopify",
        notes: ["forged"],
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { path: "placedAt", message: "placedAt must be an ISO 8601 UTC timestamp ending in Z" },
      { path: "customer.email", message: "Email is missing or invalid" },
      { path: "currency", message: "Currency must be an ISO 4217 code in upper case" },
      { path: "lines[0].unitPriceMinor", message: "Amount must be a whole number of minor units (0 … 2^53−1)" },
      { path: "lines[1].sku", message: "SKU is missing" },
      { path: "totals.totalMinor", message: "Amount must not be negative" },
    ]);
  });

  it("rejects amounts beyond 2^53 instead of rounding them", () => {
    const body = loadFixture("api-order").replace('"totalMinor": 92820', '"totalMinor": 9007199254740993');
    const result = apiAdapter.parse(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toEqual(["totals.totalMinor"]);
  });

  it("can be published as JSON Schema for the OpenAPI spec", () => {
    const schema = z.toJSONSchema(apiOrderSchema, { io: "input" });
    expect(schema).toMatchObject({ type: "object" });
    expect(schema.required).toEqual(expect.arrayContaining(["externalId", "placedAt", "customer", "currency", "lines", "totals", "status"]));
    expect(schema.required).not.toContain("test");
  });
});
