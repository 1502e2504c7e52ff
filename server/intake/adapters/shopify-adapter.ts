import { z } from "zod";
import type { CanonicalLine, OrderStatus, ShippingAddress } from "./canonical-order";
import type { ChannelAdapter, ParseResult } from "./channel-adapter";
import { finalizeOrder } from "./finalize-order";
import { parseLosslessJson } from "./lossless-json";
import { createMappingContext, type MappingContext } from "./mapping-context";
import { firstText, idText, joinName, optionalText } from "./read-values";
import { resolveSku } from "./resolve-sku";
import { verifyHmacBase64 } from "./signature";
import { toUtcIso } from "./to-utc-iso";
import { zodIssuesToErrors } from "./zod-issues";

// Only the fields we map, all optional: absence is reported on canonical paths by the mapper,
// so this schema only rejects values of the wrong JSON type. Unknown fields are ignored.
const text = z.string().nullish();
const amount = z.union([z.string(), z.number()]).nullish();
const id = z.union([z.string(), z.number()]).nullish();
const address = z
  .object({
    name: text,
    first_name: text,
    last_name: text,
    address1: text,
    address2: text,
    city: text,
    province: text,
    province_code: text,
    zip: text,
    country_code: text,
    phone: text,
  })
  .nullish();

const shopifyOrderSchema = z.object({
  id,
  email: text,
  contact_email: text,
  phone: text,
  currency: text,
  created_at: text,
  customer: z.object({ email: text, first_name: text, last_name: text, phone: text }).nullish(),
  billing_address: address,
  shipping_address: address,
  line_items: z
    .array(
      z.object({
        sku: text,
        variant_id: id,
        product_id: id,
        quantity: z.number().nullish(),
        price: amount,
        name: text,
        title: text,
        total_discount: amount,
        discount_allocations: z.array(z.object({ amount })).nullish(),
        tax_lines: z.array(z.object({ price: amount })).nullish(),
      }),
    )
    .nullish(),
  shipping_lines: z.array(z.object({ price: amount })).nullish(),
  total_price: amount,
  subtotal_price: amount,
  total_line_items_price: amount,
  total_tax: amount,
  total_discounts: amount,
  taxes_included: z.boolean().nullish(),
  financial_status: text,
  fulfillment_status: text,
  cancelled_at: text,
  test: z.boolean().nullish(),
});
type ShopifyOrder = z.infer<typeof shopifyOrderSchema>;

export const SHOPIFY_SIGNATURE_HEADER = "X-Shopify-Hmac-Sha256";

/** Shopify `orders/create` (and other order topic) webhook bodies, REST Admin API shape. */
export const shopifyAdapter: ChannelAdapter = {
  channel: "shopify",
  signatureHeader: SHOPIFY_SIGNATURE_HEADER,
  // Secret = the app's client secret; header = base64 HMAC-SHA256 of the raw body.
  verifySignature: (rawBody, headers, secret) => verifyHmacBase64(rawBody, headers, SHOPIFY_SIGNATURE_HEADER, secret),
  parse(rawBody: string): ParseResult {
    const json = parseLosslessJson(rawBody);
    if (!json.ok) return { ok: false, errors: [{ path: "", message: json.message }] };
    const raw = shopifyOrderSchema.safeParse(json.value);
    if (!raw.success) return { ok: false, errors: zodIssuesToErrors(raw.error.issues, "shopify") };
    return mapShopifyOrder(raw.data);
  },
};

function mapShopifyOrder(o: ShopifyOrder): ParseResult {
  const currency = (o.currency ?? "").toUpperCase();
  const ctx = createMappingContext(currency);
  const lines = (o.line_items ?? []).map((item, i): CanonicalLine => {
    const path = `lines[${i}]`;
    const src = `line_items[${i}]`;
    const allocations = item.discount_allocations ?? [];
    return {
      sku: resolveSku(ctx, path, { sku: item.sku, variantId: item.variant_id, productId: item.product_id }),
      quantity: item.quantity ?? 0,
      unitPriceMinor: Number(ctx.money(`${path}.unitPriceMinor`, item.price, `${src}.price`)),
      // discount_allocations is Shopify's current field; total_discount is the deprecated one.
      discountMinor: Number(
        allocations.length > 0
          ? allocations.reduce((sum, a, j) => sum + ctx.money(`${path}.discountMinor`, a.amount, `${src}.discount_allocations[${j}].amount`), 0n)
          : ctx.optionalMoney(`${path}.discountMinor`, item.total_discount, `${src}.total_discount`),
      ),
      taxMinor: Number(
        (item.tax_lines ?? []).reduce((sum, t, j) => sum + ctx.money(`${path}.taxMinor`, t.price, `${src}.tax_lines[${j}].price`), 0n),
      ),
      name: optionalText(item.name) ?? optionalText(item.title),
    };
  });

  const discount = ctx.optionalMoney("totals.discountMinor", o.total_discounts, "total_discounts");
  // total_line_items_price is exactly Σ price × qty; older payloads only carry subtotal_price,
  // which is *after* discounts, so the discount is added back.
  const subtotal =
    o.total_line_items_price != null
      ? ctx.money("totals.subtotalMinor", o.total_line_items_price, "total_line_items_price")
      : ctx.money("totals.subtotalMinor", o.subtotal_price, "subtotal_price") + discount;
  const shipping = (o.shipping_lines ?? []).reduce((sum, s, j) => sum + ctx.money("totals.shippingMinor", s.price, `shipping_lines[${j}].price`), 0n);

  const externalId = idText(o.id);
  if (externalId === undefined) ctx.error("externalId", "Order id is missing or not an integer");
  const placedAt = toUtcIso(o.created_at, "iso-offset");
  if (placedAt === null) ctx.error("placedAt", `created_at ${JSON.stringify(o.created_at ?? null)} is not an ISO 8601 timestamp with offset`);
  const email = firstText(o.email, o.contact_email, o.customer?.email);
  if (email === undefined) ctx.error("customer.email", "Email is missing");

  return finalizeOrder(
    {
      channel: "shopify",
      externalId: externalId ?? "",
      placedAt: placedAt ?? "",
      customer: {
        email: email ?? "",
        firstName: firstText(o.customer?.first_name, o.billing_address?.first_name),
        lastName: firstText(o.customer?.last_name, o.billing_address?.last_name),
        phone: firstText(o.phone, o.customer?.phone, o.billing_address?.phone),
      },
      currency,
      lines,
      shippingAddress: mapAddress(o.shipping_address),
      totals: {
        subtotalMinor: Number(subtotal),
        discountMinor: Number(discount),
        taxMinor: Number(ctx.optionalMoney("totals.taxMinor", o.total_tax, "total_tax")),
        shippingMinor: Number(shipping),
        totalMinor: Number(ctx.money("totals.totalMinor", o.total_price, "total_price")),
        taxesIncluded: o.taxes_included ?? false,
      },
      status: shopifyStatus(o, ctx),
      test: o.test ?? false,
      notes: [],
    },
    ctx,
  );
}

// Digital-only orders have no shipping_address at all: that is valid, not an error.
function mapAddress(a: ShopifyOrder["shipping_address"]): ShippingAddress | undefined {
  if (a == null) return undefined;
  return {
    name: joinName(a.name) ?? joinName(a.first_name, a.last_name) ?? "",
    line1: a.address1 ?? "",
    line2: optionalText(a.address2),
    city: a.city ?? "",
    region: optionalText(a.province_code) ?? optionalText(a.province),
    postalCode: a.zip?.trim() ?? "",
    country: (a.country_code ?? "").toUpperCase(),
  };
}

/** Cancelled wins over everything (a cancelled order may still read "paid"), then fulfilment. */
function shopifyStatus(o: ShopifyOrder, ctx: MappingContext): OrderStatus {
  const financial = o.financial_status ?? "";
  if (o.cancelled_at != null || financial === "voided" || financial === "refunded") {
    const why = [o.cancelled_at != null ? `cancelled_at=${o.cancelled_at}` : "", financial ? `financial_status=${financial}` : ""];
    ctx.note("status_cancelled", why.filter(Boolean).join(", "));
    return "cancelled";
  }
  if (o.fulfillment_status === "fulfilled") return "fulfilled";
  if (financial === "paid" || financial === "partially_refunded") return "paid";
  return "open"; // pending, authorized, partially_paid, or absent
}
