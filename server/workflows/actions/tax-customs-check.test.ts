import { describe, expect, it } from "vitest";
import { renderNotice } from "./notify-templates";
import { taxCustomsCheck } from "./tax-customs-check";

const address = (country: string) => ({ name: "A", line1: "1 St", city: "Town", postalCode: "1", country });
const base = { homeCountry: "US", blockedCountries: ["KP", "IR"], lines: [{ sku: "A", unitPriceMinor: 100 }] };

describe("tax/customs check", () => {
  it("passes domestic and digital orders untouched", () => {
    expect(taxCustomsCheck({ ...base, address: address("us") })).toEqual({ ok: true, detail: { international: false } });
    expect(taxCustomsCheck({ ...base, address: null })).toEqual({ ok: true, detail: { international: false } });
  });
  it("passes a complete international order", () => {
    expect(taxCustomsCheck({ ...base, address: address("DE") })).toEqual({ ok: true, detail: { international: true, country: "DE" } });
  });
  it("fails, not retryable, for blocked destinations, incomplete addresses and undeclared values", () => {
    expect(taxCustomsCheck({ ...base, address: address("KP") })).toEqual({ ok: false, error: "destination_blocked:KP", retryable: false });
    expect(taxCustomsCheck({ ...base, address: { ...address("DE"), city: " " } })).toMatchObject({ ok: false, error: "customs_address_incomplete" });
    expect(taxCustomsCheck({ ...base, address: address("DE"), lines: [{ sku: "FREE", unitPriceMinor: 0 }] })).toMatchObject({
      ok: false,
      error: "customs_value_missing:FREE",
    });
  });
});

describe("notice templates", () => {
  const ctx = { orderNumber: 42, orderId: "o", customerName: "Casey", stateLabel: "Payment Failed", appUrl: "http://x" };
  it("renders known templates and falls back for unknown ones", () => {
    expect(renderNotice("payment_failed", ctx)).toMatchObject({
      kind: "order_payment_failed",
      title: "We couldn't take payment for order #42",
      link: "/orders/o",
    });
    expect(renderNotice("anything", ctx)).toMatchObject({ title: "Update on order #42", body: expect.stringContaining("Payment Failed") });
  });
});
