import { describe, expect, it } from "vitest";
import { editFixture } from "@/test/support/intake/edit-fixture";
import { loadFixture } from "@/test/support/intake/load-fixture";
import type { CanonicalOrder } from "./canonical-order";
import type { ParseResult } from "./channel-adapter";
import { shopifyAdapter } from "./shopify-adapter";

function order(result: ParseResult): CanonicalOrder {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.order;
}

describe("shopifyAdapter.parse: orders/create", () => {
  const body = loadFixture("shopify-orders-create");

  it("maps the webhook to the canonical order", () => {
    expect(order(shopifyAdapter.parse(body))).toEqual({
      channel: "shopify",
      externalId: "5987431293829471813",
      placedAt: "2024-03-15T01:26:53.000Z",
      customer: { email: "ana.lima@example.com", firstName: "Ana", lastName: "Lima", phone: "+12125550142" },
      currency: "USD",
      lines: [
        { sku: "FLT-CART-3PK", quantity: 3, unitPriceMinor: 1999, discountMinor: 0, taxMinor: 480, name: "Water Filter Cartridge - 3 pack" },
        { sku: "BEAN-ESP-1KG", quantity: 2, unitPriceMinor: 2495, discountMinor: 499, taxMinor: 359, name: "Espresso Beans 1kg - Dark roast" },
      ],
      shippingAddress: {
        name: "Ana Lima",
        line1: "350 Fifth Avenue",
        line2: "Suite 2100",
        city: "New York",
        region: "NY",
        postalCode: "10118",
        country: "US",
      },
      totals: { subtotalMinor: 10987, discountMinor: 499, taxMinor: 839, shippingMinor: 750, totalMinor: 12077, taxesIncluded: false },
      status: "paid",
      test: false,
      notes: [],
    });
  });

  it("keeps the 64-bit order id exact (JSON.parse would round it)", () => {
    expect(String((JSON.parse(body) as { id: number }).id)).toBe("5987431293829472000");
    expect(order(shopifyAdapter.parse(body)).externalId).toBe("5987431293829471813");
  });

  it("uses the deprecated total_discount when discount_allocations is absent", () => {
    const edited = editFixture("shopify-orders-create", {
      "line_items[1].discount_allocations": undefined,
      "line_items[1].total_discount": "4.99",
    });
    expect(order(shopifyAdapter.parse(edited)).lines[1]?.discountMinor).toBe(499);
  });

  it("derives the subtotal from subtotal_price + total_discounts on payloads without total_line_items_price", () => {
    const edited = editFixture("shopify-orders-create", { total_line_items_price: undefined });
    expect(order(shopifyAdapter.parse(edited)).totals.subtotalMinor).toBe(10987);
  });

  it.each([
    [{ financial_status: "pending" }, "open"],
    [{ financial_status: "authorized" }, "open"],
    [{ financial_status: "partially_refunded" }, "paid"],
    [{ fulfillment_status: "fulfilled" }, "fulfilled"],
    [{ financial_status: "refunded" }, "cancelled"],
    [{ financial_status: "voided" }, "cancelled"], // voided without cancelled_at still counts
    [{ cancelled_at: "2024-03-15T10:00:00-04:00", fulfillment_status: "fulfilled" }, "cancelled"],
  ] as const)("maps %j to status %s", (edits, status) => {
    expect(order(shopifyAdapter.parse(editFixture("shopify-orders-create", edits))).status).toBe(status);
  });
});

describe("shopifyAdapter.parse: Shopify's sample notification (cancelled test order)", () => {
  const result = order(shopifyAdapter.parse(loadFixture("shopify-sample-cancelled-test")));

  it("parses it instead of dropping it: cancelled and test are data for the governance layer", () => {
    expect(result.status).toBe("cancelled");
    expect(result.test).toBe(true);
    expect(result.notes).toContain("status_cancelled: cancelled_at=2021-12-31T19:00:00-05:00, financial_status=voided");
  });

  it("merges the two IPOD2008PINK lines into one of quantity 2", () => {
    expect(result.lines).toEqual([
      { sku: "IPOD2008PINK", quantity: 2, unitPriceMinor: 19900, discountMinor: 0, taxMinor: 0, name: "IPod Nano - 8GB" },
    ]);
    expect(result.notes).toContain("merged_lines: 2 lines of IPOD2008PINK merged into one with quantity 2");
  });

  it("keeps ids, dates and totals exact", () => {
    expect(result.externalId).toBe("820982911946154508");
    expect(result.placedAt).toBe("2022-01-01T00:00:00.000Z"); // 19:00 EST on New Year's Eve
    expect(result.totals).toEqual({
      subtotalMinor: 39800,
      discountMinor: 2000,
      taxMinor: 0,
      shippingMinor: 1000,
      totalMinor: 38800,
      taxesIncluded: false,
    });
    expect(result.notes.some((n) => n.startsWith("totals_mismatch"))).toBe(false);
  });

  it("prefers the order's email over the customer record's", () => {
    expect(result.customer).toEqual({ email: "jon@example.com", firstName: "John", lastName: "Smith", phone: "555-555-SHIP" });
  });
});

describe("shopifyAdapter.parse: digital, tax-inclusive order without SKUs", () => {
  const result = order(shopifyAdapter.parse(loadFixture("shopify-digital-sku-fallback")));

  it("has no shipping address and that is not an error", () => {
    expect(result.shippingAddress).toBeUndefined();
  });

  it("falls back to variant:<id> and then merges the now-identical lines", () => {
    expect(result.lines).toEqual([
      {
        sku: "variant:48123456789012",
        quantity: 2,
        unitPriceMinor: 1200,
        discountMinor: 0,
        taxMinor: 400,
        name: "Brew Guide (PDF) - Monthly edition",
      },
    ]);
    expect(result.notes).toEqual([
      "sku_fallback: lines[0] has no SKU; using variant:48123456789012",
      "sku_fallback: lines[1] has no SKU; using variant:48123456789012",
      "merged_lines: 2 lines of variant:48123456789012 merged into one with quantity 2",
    ]);
  });

  it("does not add included tax on top when checking the total", () => {
    expect(result.totals).toEqual({ subtotalMinor: 2400, discountMinor: 0, taxMinor: 400, shippingMinor: 0, totalMinor: 2400, taxesIncluded: true });
    expect(result.placedAt).toBe("2024-06-30T21:45:10.000Z");
  });

  it("takes the email from the customer record when the order's is blank", () => {
    expect(result.customer.email).toBe("lena.fischer@example.de");
  });
});

describe("shopifyAdapter.parse: errors", () => {
  it("reports bad amounts on the canonical path, naming the Shopify field", () => {
    const result = shopifyAdapter.parse(editFixture("shopify-orders-create", { "line_items[0].price": "19.999", total_price: "" }));
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: "lines[0].unitPriceMinor", message: 'line_items[0].price: "19.999" has more than 2 decimal place(s), the maximum for USD' },
        { path: "totals.totalMinor", message: 'total_price: "" is not a plain decimal amount (like 19.99)' },
      ],
    });
  });

  it("reports values of the wrong JSON type on the Shopify path", () => {
    const result = shopifyAdapter.parse(editFixture("shopify-orders-create", { "line_items[0].quantity": "3", test: "no" }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path).sort()).toEqual(["shopify.line_items[0].quantity", "shopify.test"]);
  });

  it("rejects a non-positive quantity, a missing id and a zone-less date", () => {
    const result = shopifyAdapter.parse(
      editFixture("shopify-orders-create", { "line_items[1].quantity": 0, id: undefined, created_at: "2024-03-14T21:26:53" }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.path)).toEqual(["externalId", "placedAt", "lines[1].quantity"]);
    }
  });
});
