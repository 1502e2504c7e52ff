import { z } from "zod";
import type { CanonicalLine, OrderStatus, ShippingAddress } from "./canonical-order";
import type { ChannelAdapter, ParseResult } from "./channel-adapter";
import { decodeHtmlEntities } from "./decode-html-entities";
import { finalizeOrder } from "./finalize-order";
import { parseLosslessJson } from "./lossless-json";
import { createMappingContext, type MappingContext } from "./mapping-context";
import { divideHalfEven, formatMinor } from "./money";
import { idText, joinName, optionalText } from "./read-values";
import { resolveSku } from "./resolve-sku";
import { verifyHmacBase64 } from "./signature";
import { toUtcIso } from "./to-utc-iso";
import { zodIssuesToErrors } from "./zod-issues";

// Wrong JSON types only; missing values are reported on canonical paths by the mapper.
const text = z.string().nullish();
const amount = z.union([z.string(), z.number()]).nullish();
const id = z.union([z.string(), z.number()]).nullish();

const wooOrderSchema = z.object({
  id,
  status: text,
  currency: text,
  date_created_gmt: text,
  billing: z.object({ first_name: text, last_name: text, email: text, phone: text }).nullish(),
  shipping: z
    .object({
      first_name: text,
      last_name: text,
      company: text,
      address_1: text,
      address_2: text,
      city: text,
      state: text,
      postcode: text,
      country: text,
    })
    .nullish(),
  line_items: z
    .array(
      z.object({
        name: text,
        sku: text,
        product_id: id,
        variation_id: id,
        quantity: z.number().nullish(),
        subtotal: amount,
        total: amount,
        total_tax: amount,
      }),
    )
    .nullish(),
  shipping_total: amount,
  discount_total: amount,
  total_tax: amount,
  total: amount,
});
type WooOrder = z.infer<typeof wooOrderSchema>;

export const WOOCOMMERCE_SIGNATURE_HEADER = "X-WC-Webhook-Signature";

/** WooCommerce `order.created` webhook bodies (REST API v3 order shape). */
export const wooCommerceAdapter: ChannelAdapter = {
  channel: "woocommerce",
  signatureHeader: WOOCOMMERCE_SIGNATURE_HEADER,
  // Secret = the webhook's "Secret" field; header = base64 HMAC-SHA256 of the raw body.
  verifySignature: (rawBody, headers, secret) => verifyHmacBase64(rawBody, headers, WOOCOMMERCE_SIGNATURE_HEADER, secret),
  parse(rawBody: string): ParseResult {
    const json = parseLosslessJson(rawBody);
    if (!json.ok) return { ok: false, errors: [{ path: "", message: json.message }] };
    const raw = wooOrderSchema.safeParse(json.value);
    if (!raw.success) return { ok: false, errors: zodIssuesToErrors(raw.error.issues, "woocommerce") };
    return mapWooOrder(raw.data);
  },
};

function mapWooOrder(o: WooOrder): ParseResult {
  const currency = (o.currency ?? "").toUpperCase();
  const ctx = createMappingContext(currency);
  let subtotal = 0n;
  const lines = (o.line_items ?? []).map((item, i): CanonicalLine => {
    const path = `lines[${i}]`;
    const src = `line_items[${i}]`;
    const quantity = item.quantity ?? 0;
    // Woo line amounts are for the whole line and always exclude tax, even in tax-inclusive stores.
    const lineSubtotal = ctx.money(`${path}.unitPriceMinor`, item.subtotal, `${src}.subtotal`);
    const lineTotal = ctx.money(`${path}.discountMinor`, item.total, `${src}.total`);
    subtotal += lineSubtotal;
    if (lineTotal > lineSubtotal) ctx.error(`${path}.discountMinor`, `${src}: total is greater than subtotal`);
    return {
      sku: resolveSku(ctx, path, { sku: item.sku, variantId: item.variation_id, productId: item.product_id }),
      quantity,
      unitPriceMinor: unitPrice(ctx, path, lineSubtotal, quantity),
      discountMinor: Number(lineSubtotal > lineTotal ? lineSubtotal - lineTotal : 0n),
      taxMinor: Number(ctx.optionalMoney(`${path}.taxMinor`, item.total_tax, `${src}.total_tax`)),
      name: item.name == null ? undefined : optionalText(decodeHtmlEntities(item.name)),
    };
  });

  const externalId = idText(o.id);
  if (externalId === undefined) ctx.error("externalId", "Order id is missing or not an integer");
  // date_created (no suffix) is in the *site's* time zone with no offset, so only _gmt is usable.
  const placedAt = toUtcIso(o.date_created_gmt, "iso-naive-utc");
  if (placedAt === null) ctx.error("placedAt", `date_created_gmt ${JSON.stringify(o.date_created_gmt ?? null)} is not a UTC timestamp`);
  const email = optionalText(o.billing?.email);
  if (email === undefined) ctx.error("customer.email", "Email is missing");

  return finalizeOrder(
    {
      channel: "woocommerce",
      externalId: externalId ?? "",
      placedAt: placedAt ?? "",
      customer: {
        email: email ?? "",
        firstName: optionalText(o.billing?.first_name),
        lastName: optionalText(o.billing?.last_name),
        phone: optionalText(o.billing?.phone),
      },
      currency,
      lines,
      shippingAddress: mapAddress(o.shipping),
      totals: {
        subtotalMinor: Number(subtotal), // Woo has no order-level subtotal field
        discountMinor: Number(ctx.optionalMoney("totals.discountMinor", o.discount_total, "discount_total")),
        taxMinor: Number(ctx.optionalMoney("totals.taxMinor", o.total_tax, "total_tax")),
        shippingMinor: Number(ctx.optionalMoney("totals.shippingMinor", o.shipping_total, "shipping_total")),
        totalMinor: Number(ctx.money("totals.totalMinor", o.total, "total")),
        taxesIncluded: false,
      },
      status: wooStatus(o.status, ctx),
      test: false, // WooCommerce orders carry no test flag
      notes: [],
    },
    ctx,
  );
}

/**
 * Woo's `price` is a float (subtotal ÷ quantity, e.g. 3.3333333333333335) and is not used.
 * The unit price is derived from the exact `subtotal` string instead; when it does not divide
 * evenly it is rounded half-even and noted, and the totals check will show the cent.
 */
function unitPrice(ctx: MappingContext, path: string, lineSubtotal: bigint, quantity: number): number {
  if (!Number.isSafeInteger(quantity) || quantity <= 0) return 0; // the schema reports the quantity
  const { quotient, exact } = divideHalfEven(lineSubtotal, BigInt(quantity));
  if (!exact) {
    ctx.note(
      "unit_price_rounded",
      `${path} subtotal ${formatMinor(lineSubtotal, ctx.currency)} / ${quantity} → ${formatMinor(quotient, ctx.currency)}`,
    );
  }
  return Number(quotient);
}

// Woo always sends a `shipping` object; for digital orders every field is "". Treat that as absent.
function mapAddress(s: WooOrder["shipping"]): ShippingAddress | undefined {
  if (s == null || (optionalText(s.address_1) === undefined && optionalText(s.country) === undefined)) return undefined;
  return {
    name: joinName(s.first_name, s.last_name) ?? optionalText(s.company) ?? "",
    line1: s.address_1 ?? "",
    line2: optionalText(s.address_2),
    city: s.city ?? "",
    region: optionalText(s.state),
    postalCode: s.postcode?.trim() ?? "",
    country: (s.country ?? "").toUpperCase(),
  };
}

const WOO_STATUS: Readonly<Record<string, OrderStatus>> = {
  pending: "open",
  "on-hold": "open",
  "checkout-draft": "open",
  processing: "paid",
  completed: "fulfilled",
  cancelled: "cancelled",
  refunded: "cancelled",
  failed: "cancelled",
  trash: "cancelled",
};

function wooStatus(status: string | null | undefined, ctx: MappingContext): OrderStatus {
  const mapped = WOO_STATUS[status ?? ""];
  if (mapped === undefined) {
    // Plugins add custom statuses; they are treated as not yet paid rather than rejected.
    ctx.note("unknown_status", `status ${JSON.stringify(status ?? null)} mapped to open`);
    return "open";
  }
  if (mapped === "cancelled") ctx.note("status_cancelled", `status=${status}`);
  return mapped;
}
