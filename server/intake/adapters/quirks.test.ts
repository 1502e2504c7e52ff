import { describe, expect, it } from "vitest";
import { editFixture } from "@/test/support/intake/edit-fixture";
import type { FixtureName } from "@/test/support/intake/load-fixture";
import type { CanonicalLine, CanonicalOrder, Channel } from "./canonical-order";
import { checkTotals } from "./check-totals";
import { decodeHtmlEntities } from "./decode-html-entities";
import { intakeAdapters } from "./index";
import { mergeDuplicateLines } from "./merge-lines";

// Each channel's fixture and the edits that remove its email / a line's SKU and every fallback id.
const CHANNELS: ReadonlyArray<{
  channel: Channel;
  fixture: FixtureName;
  noEmail: Record<string, unknown>;
  noSkuOnSecondLine: Record<string, unknown>;
}> = [
  {
    channel: "shopify",
    fixture: "shopify-orders-create",
    noEmail: { email: null, contact_email: undefined, "customer.email": "" },
    noSkuOnSecondLine: { "line_items[1].sku": null, "line_items[1].variant_id": null, "line_items[1].product_id": null },
  },
  {
    channel: "woocommerce",
    fixture: "woocommerce-order-created",
    noEmail: { "billing.email": "" },
    noSkuOnSecondLine: { "line_items[1].sku": "", "line_items[1].variation_id": 0, "line_items[1].product_id": 0 },
  },
  {
    channel: "bigcommerce",
    fixture: "bigcommerce-order",
    noEmail: { "billing_address.email": undefined },
    noSkuOnSecondLine: { "products[1].sku": "", "products[1].variant_id": null, "products[1].product_id": null },
  },
  {
    channel: "api",
    fixture: "api-order",
    noEmail: { "customer.email": undefined },
    noSkuOnSecondLine: { "lines[1].sku": "" },
  },
];

describe.each(CHANNELS)("$channel quirks", ({ channel, fixture, noEmail, noSkuOnSecondLine }) => {
  const adapter = intakeAdapters[channel];

  it("missing email → one error at customer.email", () => {
    const result = adapter.parse(editFixture(fixture, noEmail));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toEqual(["customer.email"]);
  });

  it("missing SKU with nothing to fall back to → one error at lines[1].sku", () => {
    const result = adapter.parse(editFixture(fixture, noSkuOnSecondLine));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toEqual(["lines[1].sku"]);
  });

  it("never throws on hostile input; every failure is data", () => {
    const bodies = ["", "null", "[]", "42", '"x"', "{}", '{"line_items":"x","products":7,"lines":{}}', "webhook_id=123", "{".repeat(10)];
    for (const body of bodies) {
      const result = adapter.parse(body);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
    }
  });
});

it("a shipping address that is present must be complete; an empty postal code is allowed", () => {
  const result = intakeAdapters.shopify.parse(
    editFixture("shopify-orders-create", { "shipping_address.address1": null, "shipping_address.country_code": "", "shipping_address.zip": null }),
  );
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.errors.map((e) => e.path)).toEqual(["shippingAddress.line1", "shippingAddress.country"]);
});

it("the api channel ignores attempts to set server-owned fields", () => {
  const result = intakeAdapters.api.parse(editFixture("api-order", { channel: "shopify", notes: ["forged"] }));
  expect(result.ok && result.order.channel).toBe("api");
  expect(result.ok && result.order.notes).toEqual([]);
});

const line = (sku: string, quantity: number, unitPriceMinor: number, extra: Partial<CanonicalLine> = {}): CanonicalLine => ({
  sku,
  quantity,
  unitPriceMinor,
  discountMinor: 0,
  taxMinor: 0,
  ...extra,
});

describe("mergeDuplicateLines", () => {
  it("merges same SKU and unit price, summing quantity, discount and tax, keeping first position and name", () => {
    const { lines, notes } = mergeDuplicateLines([
      line("A", 1, 500, { discountMinor: 50, taxMinor: 40, name: "First" }),
      line("B", 2, 300),
      line("A", 2, 500, { discountMinor: 25, taxMinor: 80, name: "Second" }),
    ]);
    expect(lines).toEqual([line("A", 3, 500, { discountMinor: 75, taxMinor: 120, name: "First" }), line("B", 2, 300)]);
    expect(notes).toEqual(["merged_lines: 2 lines of A merged into one with quantity 3"]);
  });

  it("keeps same SKU at different unit prices apart and says so", () => {
    const { lines, notes } = mergeDuplicateLines([line("A", 1, 500), line("A", 1, 0), line("A", 1, 500)]);
    expect(lines).toEqual([line("A", 2, 500), line("A", 1, 0)]);
    expect(notes).toEqual([
      "merged_lines: 2 lines of A merged into one with quantity 2",
      "duplicate_sku_not_merged: A appears on 2 lines with different unit prices",
    ]);
  });

  it("does not mutate its input", () => {
    const input = [line("A", 1, 500), line("A", 1, 500)];
    mergeDuplicateLines(input);
    expect(input[0]?.quantity).toBe(1);
  });
});

describe("checkTotals", () => {
  const order = (totals: Partial<CanonicalOrder["totals"]>): Pick<CanonicalOrder, "lines" | "totals" | "currency"> => ({
    currency: "USD",
    lines: [line("A", 3, 1999), line("B", 2, 2495)],
    totals: { subtotalMinor: 10987, discountMinor: 499, taxMinor: 839, shippingMinor: 750, totalMinor: 12077, taxesIncluded: false, ...totals },
  });

  it("passes when lines − discount + shipping + tax = total, in both modes", () => {
    expect(checkTotals(order({}))).toEqual({ ok: true, issues: [], errors: [], notes: [] });
    expect(checkTotals(order({}), "strict").ok).toBe(true);
  });

  it("lenient: keeps the order, reports the signed difference as a note", () => {
    const check = checkTotals(order({ totalMinor: 12000 }));
    expect(check.ok).toBe(true);
    expect(check.errors).toEqual([]);
    expect(check.issues).toEqual([
      { code: "totals_mismatch", path: "totals.totalMinor", channelMinor: 12000, computedMinor: 12077, differenceMinor: -77 },
    ]);
    expect(check.notes).toEqual(["totals_mismatch: channel 120.00 vs computed 120.77 (difference -0.77 USD)"]);
  });

  it("strict: the same issue becomes an error on the totals path", () => {
    const check = checkTotals(order({ totalMinor: 12078 }), "strict");
    expect(check.ok).toBe(false);
    expect(check.errors).toEqual([
      { path: "totals.totalMinor", message: "Totals do not add up: channel 120.78 vs computed 120.77 (difference +0.01 USD)" },
    ]);
  });

  it("checks the subtotal against the lines separately", () => {
    expect(checkTotals(order({ subtotalMinor: 10988 })).issues.map((i) => i.code)).toEqual(["subtotal_mismatch"]);
  });

  it("does not add tax again when prices include it", () => {
    expect(checkTotals(order({ taxesIncluded: true, totalMinor: 11238 })).issues).toEqual([]);
    expect(checkTotals(order({ taxesIncluded: true })).issues.map((i) => i.differenceMinor)).toEqual([839]);
  });
});

describe("decodeHtmlEntities (WooCommerce names)", () => {
  it("decodes named and numeric entities and leaves unknown ones", () => {
    expect(decodeHtmlEntities("Ship Your Idea &ndash; Black &amp; White &#8220;M&#x201D; &bogus; &#0;")).toBe(
      "Ship Your Idea – Black & White “M” &bogus; &#0;",
    );
  });
});
