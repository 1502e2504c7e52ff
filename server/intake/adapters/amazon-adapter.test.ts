import { describe, expect, it } from "vitest";
import { amazonAdapter } from "./amazon-adapter";

const v0 = (currency: string, over: { total: string; price: string; tax?: string; shipping?: string; qty?: number; status?: string }) =>
  JSON.stringify({
    order: {
      AmazonOrderId: "250-1234567-7654321",
      PurchaseDate: "2026-11-30T08:15:00Z",
      OrderStatus: over.status ?? "Unshipped",
      OrderTotal: { CurrencyCode: currency, Amount: over.total },
      BuyerInfo: { BuyerEmail: "buyer@marketplace.amazon.example", BuyerName: "Hana Sato" },
      ShippingAddress: { Name: "Hana Sato", AddressLine1: "1-2-3 Shibuya", City: "Tokyo", PostalCode: "150-0002", CountryCode: "jp" },
    },
    items: [
      {
        SellerSKU: "BEAN-ESP-1KG",
        ASIN: "B000TEST01",
        Title: "Espresso beans",
        QuantityOrdered: over.qty ?? 2,
        ItemPrice: { CurrencyCode: currency, Amount: over.price },
        ItemTax: { CurrencyCode: currency, Amount: over.tax ?? "0" },
        ShippingPrice: { CurrencyCode: currency, Amount: over.shipping ?? "0" },
      },
    ],
  });

describe("amazon adapter", () => {
  it("reads JPY with no minor unit: 19940 is ¥19,940, not ¥199.40", () => {
    const r = amazonAdapter.parse(v0("JPY", { total: "19940", price: "19940", tax: "1813" }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.order.currency).toBe("JPY");
    expect(r.order.totals.totalMinor).toBe(19940);
    expect(r.order.lines[0]).toMatchObject({ sku: "BEAN-ESP-1KG", quantity: 2, unitPriceMinor: 9970, taxMinor: 1813 });
    // JP prices include consumption tax: total = items + shipping, tax not added again.
    expect(r.order.totals.taxesIncluded).toBe(true);
    expect(r.order.shippingAddress?.country).toBe("JP");
  });

  it("reads KWD with three decimals (fils), and refuses a fourth", () => {
    const r = amazonAdapter.parse(v0("KWD", { total: "12.345", price: "11.345", shipping: "1.000", qty: 1 }));
    expect(r.ok && r.order.totals).toMatchObject({ totalMinor: 12345, subtotalMinor: 11345, shippingMinor: 1000, taxesIncluded: false });
    const bad = amazonAdapter.parse(v0("KWD", { total: "12.3456", price: "12.3456", qty: 1 }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.message).join()).toMatch(/more than 3 decimal/);
  });

  it("USD keeps two decimals and adds tax on top", () => {
    const r = amazonAdapter.parse(v0("USD", { total: "43.47", price: "39.98", tax: "3.49", qty: 2 }));
    expect(r.ok && r.order.totals).toMatchObject({ subtotalMinor: 3998, taxMinor: 349, totalMinor: 4347, taxesIncluded: false });
  });

  it("a Pending order without totals is refused with a reason (reconciliation waits for Unshipped)", () => {
    const body = JSON.parse(v0("USD", { total: "0", price: "0" }));
    body.order.OrderStatus = "Pending";
    delete body.order.OrderTotal;
    const r = amazonAdapter.parse(JSON.stringify(body));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.some((e) => /Unshipped/.test(e.message))).toBe(true);
  });

  it("maps the Orders API 2026-01-01 shape (camelCase, unit prices)", () => {
    const body = {
      order: {
        orderId: "503-0000000-0000001",
        createdTime: "2026-11-30T10:00:00Z",
        fulfillment: { fulfillmentStatus: "SHIPPED" },
        proceeds: { grandTotal: { currencyCode: "JPY", amount: "3980" } },
        buyer: { buyerEmail: "b@example.jp", buyerName: "Ken Ito" },
        recipient: { deliveryAddress: { name: "Ken Ito", addressLine1: "4-5 Umeda", city: "Osaka", postalCode: "530-0001", countryCode: "JP" } },
      },
      items: [
        {
          product: { sellerSku: "FLT-CART-3PK", title: "Filters" },
          quantityOrdered: 2,
          price: { unitPrice: { currencyCode: "JPY", amount: "1990" } },
        },
      ],
    };
    const r = amazonAdapter.parse(JSON.stringify(body));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.order).toMatchObject({ externalId: "503-0000000-0000001", status: "fulfilled", currency: "JPY" });
    expect(r.order.lines[0]).toMatchObject({ sku: "FLT-CART-3PK", unitPriceMinor: 1990, quantity: 2 });
    expect(r.order.totals.totalMinor).toBe(3980);
  });

  it("nothing posted is ever trusted", () => {
    expect(amazonAdapter.verifySignature("{}", new Headers(), "anything")).toBe(false);
  });
});
