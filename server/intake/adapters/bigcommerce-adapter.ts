import { z } from "zod";
import type { CanonicalLine, OrderStatus, ShippingAddress } from "./canonical-order";
import type { ChannelAdapter, ParseResult } from "./channel-adapter";
import { finalizeOrder } from "./finalize-order";
import { parseLosslessJson } from "./lossless-json";
import { createMappingContext, type MappingContext } from "./mapping-context";
import { idText, joinName, optionalText } from "./read-values";
import { resolveSku } from "./resolve-sku";
import { verifyHmacBase64 } from "./signature";
import { toUtcIso } from "./to-utc-iso";
import { zodIssuesToErrors } from "./zod-issues";

const text = z.string().nullish();
const amount = z.union([z.string(), z.number()]).nullish();
const id = z.union([z.string(), z.number()]).nullish();
// Un-embedded sub-resources arrive as { url, resource } links instead of arrays.
const link = z.object({ resource: text, url: text });

const product = z.object({
  name: text,
  sku: text,
  product_id: id,
  variant_id: id,
  quantity: z.number().nullish(),
  price_ex_tax: amount,
  base_price: amount,
  total_tax: amount,
  applied_discounts: z.array(z.object({ amount })).nullish(),
});
const address = z.object({
  first_name: text,
  last_name: text,
  company: text,
  street_1: text,
  street_2: text,
  city: text,
  state: text,
  zip: text,
  country_iso2: text,
});

const bigCommerceOrderSchema = z.object({
  id,
  date_created: text,
  currency_code: text,
  status_id: z.number().nullish(),
  status: text,
  billing_address: z.object({ first_name: text, last_name: text, email: text, phone: text }).nullish(),
  subtotal_ex_tax: amount,
  total_inc_tax: amount,
  total_tax: amount,
  discount_amount: amount,
  coupon_discount: amount,
  shipping_cost_ex_tax: amount,
  products: z.union([z.array(product), link]).nullish(),
  shipping_addresses: z.union([z.array(address), link]).nullish(),
});
type BigCommerceOrder = z.infer<typeof bigCommerceOrderSchema>;

/**
 * BigCommerce webhooks are thin ({ scope, data: { type, id } }) and carry no HMAC of an order
 * body, so whoever fetches the order and embeds `products` and `shipping_addresses` signs the
 * assembled body with a shared secret in this header (base64 HMAC-SHA256, as for the api channel).
 */
export const BIGCOMMERCE_SIGNATURE_HEADER = "X-Replen-Signature";

/** A BigCommerce V2 order with its products and shipping_addresses sub-resources embedded. */
export const bigCommerceAdapter: ChannelAdapter = {
  channel: "bigcommerce",
  signatureHeader: BIGCOMMERCE_SIGNATURE_HEADER,
  verifySignature: (rawBody, headers, secret) => verifyHmacBase64(rawBody, headers, BIGCOMMERCE_SIGNATURE_HEADER, secret),
  parse(rawBody: string): ParseResult {
    const json = parseLosslessJson(rawBody);
    if (!json.ok) return { ok: false, errors: [{ path: "", message: json.message }] };
    const raw = bigCommerceOrderSchema.safeParse(json.value);
    if (!raw.success) return { ok: false, errors: zodIssuesToErrors(raw.error.issues, "bigcommerce") };
    return mapBigCommerceOrder(raw.data);
  },
};

function mapBigCommerceOrder(o: BigCommerceOrder): ParseResult {
  const currency = (o.currency_code ?? "").toUpperCase();
  // V2 reports money with 4 decimals ("33.3333" ex-tax in tax-inclusive stores): round, and note it.
  const ctx = createMappingContext(currency, "half-even");
  if (o.products != null && !Array.isArray(o.products)) ctx.error("lines", "products is a link, not an array: embed GET /v2/orders/{id}/products");
  const lines = (Array.isArray(o.products) ? o.products : []).map((item, i): CanonicalLine => {
    const path = `lines[${i}]`;
    const src = `products[${i}]`;
    return {
      sku: resolveSku(ctx, path, { sku: item.sku, variantId: item.variant_id, productId: item.product_id }),
      quantity: item.quantity ?? 0,
      // base_price is only a fallback: whether it includes tax depends on store settings.
      unitPriceMinor: Number(ctx.money(`${path}.unitPriceMinor`, item.price_ex_tax ?? item.base_price, `${src}.price_ex_tax`)),
      discountMinor: Number(
        (item.applied_discounts ?? []).reduce(
          (sum, d, j) => sum + ctx.money(`${path}.discountMinor`, d.amount, `${src}.applied_discounts[${j}].amount`),
          0n,
        ),
      ),
      taxMinor: Number(ctx.optionalMoney(`${path}.taxMinor`, item.total_tax, `${src}.total_tax`)),
      name: optionalText(item.name),
    };
  });

  const externalId = idText(o.id);
  if (externalId === undefined) ctx.error("externalId", "Order id is missing or not an integer");
  const placedAt = toUtcIso(o.date_created, "rfc2822");
  if (placedAt === null) ctx.error("placedAt", `date_created ${JSON.stringify(o.date_created ?? null)} is not an RFC 2822 date`);
  const email = optionalText(o.billing_address?.email);
  if (email === undefined) ctx.error("customer.email", "Email is missing");
  const discount =
    ctx.optionalMoney("totals.discountMinor", o.discount_amount, "discount_amount") +
    ctx.optionalMoney("totals.discountMinor", o.coupon_discount, "coupon_discount");

  return finalizeOrder(
    {
      channel: "bigcommerce",
      externalId: externalId ?? "",
      placedAt: placedAt ?? "",
      customer: {
        email: email ?? "",
        firstName: optionalText(o.billing_address?.first_name),
        lastName: optionalText(o.billing_address?.last_name),
        phone: optionalText(o.billing_address?.phone),
      },
      currency,
      lines,
      shippingAddress: mapAddress(o.shipping_addresses, ctx),
      // V2 gives ex-tax and inc-tax figures side by side, so the order is expressed ex-tax.
      totals: {
        subtotalMinor: Number(ctx.money("totals.subtotalMinor", o.subtotal_ex_tax, "subtotal_ex_tax")),
        discountMinor: Number(discount),
        taxMinor: Number(ctx.optionalMoney("totals.taxMinor", o.total_tax, "total_tax")),
        shippingMinor: Number(ctx.optionalMoney("totals.shippingMinor", o.shipping_cost_ex_tax, "shipping_cost_ex_tax")),
        totalMinor: Number(ctx.money("totals.totalMinor", o.total_inc_tax, "total_inc_tax")),
        taxesIncluded: false,
      },
      status: bigCommerceStatus(o, ctx),
      test: false, // BigCommerce orders carry no test flag
      notes: [],
    },
    ctx,
  );
}

// No addresses: a digital order. Several: BigCommerce multi-address shipping, which the
// canonical model (one address) cannot express, so the first is used and the rest noted.
function mapAddress(list: BigCommerceOrder["shipping_addresses"], ctx: MappingContext): ShippingAddress | undefined {
  if (list != null && !Array.isArray(list)) {
    ctx.error("shippingAddress", "shipping_addresses is a link, not an array: embed GET /v2/orders/{id}/shipping_addresses");
    return undefined;
  }
  const [first] = list ?? [];
  if (first === undefined) return undefined;
  if ((list?.length ?? 0) > 1) ctx.note("multiple_shipping_addresses", `${list?.length} addresses; only the first is kept`);
  return {
    name: joinName(first.first_name, first.last_name) ?? optionalText(first.company) ?? "",
    line1: first.street_1 ?? "",
    line2: optionalText(first.street_2),
    city: first.city ?? "",
    region: optionalText(first.state),
    postalCode: first.zip?.trim() ?? "",
    country: (first.country_iso2 ?? "").toUpperCase(),
  };
}

// By status_id, because the `status` label can be renamed per store (custom_status).
const BC_STATUS: Readonly<Record<number, OrderStatus>> = {
  0: "open",
  1: "open",
  7: "open",
  12: "open", // Incomplete, Pending, Awaiting Payment, Manual Verification
  3: "paid",
  8: "paid",
  9: "paid",
  11: "paid",
  13: "paid",
  14: "paid", // Partially Shipped, Awaiting Pickup/Shipment/Fulfillment, Disputed, Partially Refunded
  2: "fulfilled",
  10: "fulfilled", // Shipped, Completed
  4: "cancelled",
  5: "cancelled",
  6: "cancelled", // Refunded, Cancelled, Declined
};

function bigCommerceStatus(o: BigCommerceOrder, ctx: MappingContext): OrderStatus {
  const mapped = o.status_id == null ? undefined : BC_STATUS[o.status_id];
  if (mapped === undefined) {
    ctx.note("unknown_status", `status_id ${String(o.status_id ?? null)} (${o.status ?? "?"}) mapped to open`);
    return "open";
  }
  if (mapped === "cancelled") ctx.note("status_cancelled", `status_id=${o.status_id} (${o.status ?? "?"})`);
  return mapped;
}
