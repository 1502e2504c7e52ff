import { describe, expect, it } from "vitest";
import { editFixture } from "@/test/support/intake/edit-fixture";
import { loadFixture } from "@/test/support/intake/load-fixture";
import { bigCommerceAdapter } from "./bigcommerce-adapter";
import type { CanonicalOrder } from "./canonical-order";
import type { ParseResult } from "./channel-adapter";

function order(result: ParseResult): CanonicalOrder {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.order;
}

describe("bigCommerceAdapter.parse: V2 order with embedded sub-resources", () => {
  it("maps it to the canonical order (RFC 2822 date, 4-decimal money)", () => {
    expect(order(bigCommerceAdapter.parse(loadFixture("bigcommerce-order")))).toEqual({
      channel: "bigcommerce",
      externalId: "118",
      placedAt: "2024-03-07T15:21:09.000Z",
      customer: { email: "sam.okafor@example.com", firstName: "Sam", lastName: "Okafor", phone: "512-555-0187" },
      currency: "USD",
      lines: [
        { sku: "CB-FILTER-50", quantity: 2, unitPriceMinor: 1295, discountMinor: 259, taxMinor: 186, name: "Cold Brew Filter Bags (50)" },
        { sku: "BEAN-ETH-1LB", quantity: 3, unitPriceMinor: 1600, discountMinor: 0, taxMinor: 384, name: "Ethiopia Yirgacheffe 1lb" },
      ],
      shippingAddress: {
        name: "Sam Okafor",
        line1: "1600 Guadalupe St",
        line2: "Apt 4",
        city: "Austin",
        region: "Texas",
        postalCode: "78701",
        country: "US",
      },
      totals: { subtotalMinor: 7390, discountMinor: 259, taxMinor: 570, shippingMinor: 995, totalMinor: 8696, taxesIncluded: false },
      status: "paid",
      test: false,
      notes: [],
    });
  });

  it("rounds sub-cent ex-tax prices half-even and notes each one", () => {
    const result = order(
      bigCommerceAdapter.parse(editFixture("bigcommerce-order", { "products[1].price_ex_tax": "16.0050", "products[0].price_ex_tax": "12.9450" })),
    );
    expect(result.lines.map((l) => l.unitPriceMinor)).toEqual([1294, 1600]);
    expect(result.notes).toContain("amount_rounded: products[0].price_ex_tax 12.9450 → 12.94");
    expect(result.notes).toContain("amount_rounded: products[1].price_ex_tax 16.0050 → 16.00");
    expect(result.notes.find((n) => n.startsWith("totals_mismatch"))).toBe("totals_mismatch: channel 86.96 vs computed 86.94 (difference +0.02 USD)");
  });

  it("keeps the first of several shipping addresses, with a note", () => {
    const second = { first_name: "Ola", last_name: "Nordmann", street_1: "Karl Johans gate 1", city: "Oslo", zip: "0154", country_iso2: "NO" };
    const result = order(bigCommerceAdapter.parse(editFixture("bigcommerce-order", { "shipping_addresses[1]": second })));
    expect(result.shippingAddress?.city).toBe("Austin");
    expect(result.notes).toContain("multiple_shipping_addresses: 2 addresses; only the first is kept");
  });

  it.each([
    [0, "open"],
    [1, "open"],
    [7, "open"],
    [11, "paid"],
    [9, "paid"],
    [3, "paid"],
    [14, "paid"],
    [2, "fulfilled"],
    [10, "fulfilled"],
    [4, "cancelled"],
    [5, "cancelled"],
    [6, "cancelled"],
  ] as const)("maps status_id %i to %s (not the renameable label)", (statusId, expected) => {
    const edited = editFixture("bigcommerce-order", { status_id: statusId, status: "Shop-specific label" });
    expect(order(bigCommerceAdapter.parse(edited)).status).toBe(expected);
  });

  it("asks for the sub-resources when they are links rather than embedded arrays", () => {
    const result = bigCommerceAdapter.parse(
      editFixture("bigcommerce-order", {
        products: { url: "https://api.bigcommerce.com/stores/abc123/v2/orders/118/products", resource: "/orders/118/products" },
        shipping_addresses: {
          url: "https://api.bigcommerce.com/stores/abc123/v2/orders/118/shipping_addresses",
          resource: "/orders/118/shipping_addresses",
        },
      }),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: "lines", message: "products is a link, not an array: embed GET /v2/orders/{id}/products" },
        { path: "shippingAddress", message: "shipping_addresses is a link, not an array: embed GET /v2/orders/{id}/shipping_addresses" },
      ],
    });
  });

  it("rejects an ISO date where RFC 2822 is expected", () => {
    const result = bigCommerceAdapter.parse(editFixture("bigcommerce-order", { date_created: "2024-03-07T15:21:09Z" }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ path: "placedAt", message: 'date_created "2024-03-07T15:21:09Z" is not an RFC 2822 date' }]);
  });
});

describe("bigCommerceAdapter.parse: cancelled digital order", () => {
  const result = order(bigCommerceAdapter.parse(loadFixture("bigcommerce-digital-cancelled")));

  it("has no address, falls back to the variant id and stays cancelled", () => {
    expect(result.shippingAddress).toBeUndefined();
    expect(result.lines).toEqual([
      { sku: "variant:102", quantity: 1, unitPriceMinor: 1500, discountMinor: 0, taxMinor: 0, name: "Latte Art e-Course" },
    ]);
    expect(result.status).toBe("cancelled");
    expect(result.placedAt).toBe("2023-12-31T23:59:59.000Z");
    expect(result.notes).toEqual(["sku_fallback: lines[0] has no SKU; using variant:102", "status_cancelled: status_id=5 (Cancelled)"]);
  });
});
