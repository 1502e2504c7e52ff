import { z } from "zod";
import type { CanonicalLine, OrderStatus, ShippingAddress } from "./canonical-order";
import type { ChannelAdapter, ParseResult } from "./channel-adapter";
import { finalizeOrder } from "./finalize-order";
import { createMappingContext, type MappingContext } from "./mapping-context";
import { divideHalfEven } from "./money";
import { joinName, optionalText } from "./read-values";
import { toUtcIso } from "./to-utc-iso";
import { zodIssuesToErrors } from "./zod-issues";

/**
 * Amazon SP-API orders, pulled by reconciliation (Amazon has no order webhooks), stored as
 * `{ "order": …, "items": [...] }`: the getOrders entry and its getOrderItems list. Two shapes:
 * Orders API v0 (PascalCase: AmazonOrderId, OrderTotal, ItemPrice) and 2026-01-01 (camelCase:
 * orderId, orderItems with product/price blocks). Money is always {CurrencyCode, Amount}
 * ({currencyCode, amount} in 2026-01-01), read with the currency's ISO 4217 exponent: "19940" JPY
 * is ¥19,940 and "12.345" KWD is 12345 fils. Nothing is ever signed: posts to the webhook URL are
 * refused, and the only trusted bodies are the ones reconciliation fetched itself.
 */
const text = z.string().nullish();
const money = z.object({ CurrencyCode: text, Amount: text }).nullish();
const money26 = z.object({ currencyCode: text, amount: text }).nullish();

const v0Address = z.object({
  Name: text,
  AddressLine1: text,
  AddressLine2: text,
  City: text,
  StateOrRegion: text,
  PostalCode: text,
  CountryCode: text,
});
const v0Order = z.object({
  AmazonOrderId: z.string(),
  PurchaseDate: text,
  OrderStatus: text,
  OrderTotal: money,
  BuyerInfo: z.object({ BuyerEmail: text, BuyerName: text }).nullish(),
  ShippingAddress: v0Address.nullish(),
  IsReplacementOrder: z.union([z.boolean(), z.string()]).nullish(),
});
const v0Item = z.object({
  SellerSKU: text,
  ASIN: text,
  Title: text,
  QuantityOrdered: z.number().int().nullish(),
  ItemPrice: money,
  ItemTax: money,
  ShippingPrice: money,
  ShippingTax: money,
  ShippingDiscount: money,
  PromotionDiscount: money,
});
const v0Body = z.object({ order: v0Order, items: z.array(v0Item) });

const v26Item = z.object({
  product: z.object({ sellerSku: text, asin: text, title: text }).nullish(),
  quantityOrdered: z.number().int().nullish(),
  price: z.object({ unitPrice: money26, priceDesignation: text }).nullish(),
  expense: z.object({ shippingPrice: money26, promotionDiscount: money26, shippingDiscount: money26 }).nullish(),
  tax: z.object({ itemTax: money26, shippingTax: money26 }).nullish(),
});
const v26Order = z.object({
  orderId: z.string(),
  createdTime: text,
  fulfillment: z.object({ fulfillmentStatus: text }).nullish(),
  proceeds: z.object({ grandTotal: money26 }).nullish(),
  buyer: z.object({ buyerEmail: text, buyerName: text }).nullish(),
  recipient: z
    .object({
      deliveryAddress: z
        .object({ name: text, addressLine1: text, addressLine2: text, city: text, stateOrRegion: text, postalCode: text, countryCode: text })
        .nullish(),
    })
    .nullish(),
});
const v26Body = z.object({ order: v26Order, items: z.array(v26Item) });

/** One line before money is read, whatever the shape. */
type DraftLine = {
  sku: string | undefined;
  asin: string | undefined;
  name: string | undefined;
  quantity: number;
  /** v0 reports the line total (price × quantity); 2026-01-01 the unit price. */
  price: { amount: unknown; perUnit: boolean; currency: unknown };
  tax: unknown;
  shipping: unknown;
  shippingTax: unknown;
  discount: unknown;
  shippingDiscount: unknown;
};

type Draft = {
  externalId: string;
  placedAt: unknown;
  status: string | undefined;
  total: { amount: unknown; currency: unknown } | undefined;
  email: unknown;
  buyerName: unknown;
  address: ShippingAddress | undefined;
  lines: DraftLine[];
};

export const amazonAdapter: ChannelAdapter = {
  channel: "amazon",
  signatureHeader: "(none: Amazon orders are polled, never posted)",
  verifySignature: () => false,
  parse(rawBody: string): ParseResult {
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      return { ok: false, errors: [{ path: "", message: "The body is not valid JSON" }] };
    }
    const isV26 = typeof json === "object" && json !== null && typeof (json as { order?: { orderId?: unknown } }).order?.orderId === "string";
    if (isV26) {
      const raw = v26Body.safeParse(json);
      return raw.success ? mapDraft(fromV26(raw.data)) : { ok: false, errors: zodIssuesToErrors(raw.error.issues, "amazon") };
    }
    const raw = v0Body.safeParse(json);
    return raw.success ? mapDraft(fromV0(raw.data)) : { ok: false, errors: zodIssuesToErrors(raw.error.issues, "amazon") };
  },
};

function fromV0({ order: o, items }: z.infer<typeof v0Body>): Draft {
  const a = o.ShippingAddress;
  return {
    externalId: o.AmazonOrderId,
    placedAt: o.PurchaseDate,
    status: o.OrderStatus ?? undefined,
    total: o.OrderTotal ? { amount: o.OrderTotal.Amount, currency: o.OrderTotal.CurrencyCode } : undefined,
    email: o.BuyerInfo?.BuyerEmail,
    buyerName: o.BuyerInfo?.BuyerName,
    address: a
      ? {
          name: optionalText(a.Name) ?? "",
          line1: a.AddressLine1 ?? "",
          line2: optionalText(a.AddressLine2),
          city: a.City ?? "",
          region: optionalText(a.StateOrRegion),
          postalCode: a.PostalCode?.trim() ?? "",
          country: (a.CountryCode ?? "").toUpperCase(),
        }
      : undefined,
    lines: items.map((i) => ({
      sku: optionalText(i.SellerSKU),
      asin: optionalText(i.ASIN),
      name: optionalText(i.Title),
      quantity: i.QuantityOrdered ?? 0,
      price: { amount: i.ItemPrice?.Amount, perUnit: false, currency: i.ItemPrice?.CurrencyCode },
      tax: i.ItemTax?.Amount,
      shipping: i.ShippingPrice?.Amount,
      shippingTax: i.ShippingTax?.Amount,
      discount: i.PromotionDiscount?.Amount,
      shippingDiscount: i.ShippingDiscount?.Amount,
    })),
  };
}

function fromV26({ order: o, items }: z.infer<typeof v26Body>): Draft {
  const a = o.recipient?.deliveryAddress;
  return {
    externalId: o.orderId,
    placedAt: o.createdTime,
    status: V26_STATUS[o.fulfillment?.fulfillmentStatus ?? ""] ?? o.fulfillment?.fulfillmentStatus ?? undefined,
    total: o.proceeds?.grandTotal ? { amount: o.proceeds.grandTotal.amount, currency: o.proceeds.grandTotal.currencyCode } : undefined,
    email: o.buyer?.buyerEmail,
    buyerName: o.buyer?.buyerName,
    address: a
      ? {
          name: optionalText(a.name) ?? "",
          line1: a.addressLine1 ?? "",
          line2: optionalText(a.addressLine2),
          city: a.city ?? "",
          region: optionalText(a.stateOrRegion),
          postalCode: a.postalCode?.trim() ?? "",
          country: (a.countryCode ?? "").toUpperCase(),
        }
      : undefined,
    lines: items.map((i) => ({
      sku: optionalText(i.product?.sellerSku),
      asin: optionalText(i.product?.asin),
      name: optionalText(i.product?.title),
      quantity: i.quantityOrdered ?? 0,
      price: { amount: i.price?.unitPrice?.amount, perUnit: true, currency: i.price?.unitPrice?.currencyCode },
      tax: i.tax?.itemTax?.amount,
      shipping: i.expense?.shippingPrice?.amount,
      shippingTax: i.tax?.shippingTax?.amount,
      discount: i.expense?.promotionDiscount?.amount,
      shippingDiscount: i.expense?.shippingDiscount?.amount,
    })),
  };
}

// 2026-01-01 reports fulfilment states in upper snake case; mapped onto the v0 names.
const V26_STATUS: Readonly<Record<string, string>> = {
  PENDING: "Pending",
  UNSHIPPED: "Unshipped",
  PARTIALLY_SHIPPED: "PartiallyShipped",
  SHIPPED: "Shipped",
  CANCELLED: "Canceled",
  UNFULFILLABLE: "Unfulfillable",
};

const STATUS: Readonly<Record<string, OrderStatus>> = {
  Pending: "open",
  PendingAvailability: "open",
  InvoiceUnconfirmed: "paid",
  Unshipped: "paid",
  PartiallyShipped: "paid",
  Shipped: "fulfilled",
  Canceled: "cancelled",
  Unfulfillable: "cancelled",
};

/** Amazon "Pending" orders carry no prices yet; reconciliation waits until they are Unshipped. */
export function amazonOrderHasTotals(status: string | null | undefined): boolean {
  return status !== "Pending" && status !== "PendingAvailability" && status !== "PENDING";
}

function mapDraft(d: Draft): ParseResult {
  const currency = String(d.total?.currency ?? d.lines.find((l) => l.price.currency)?.price.currency ?? "").toUpperCase();
  const ctx = createMappingContext(currency);
  if (!amazonOrderHasTotals(d.status))
    ctx.error("totals.totalMinor", `Order status ${d.status}: Amazon reports no prices until the order is Unshipped`);
  let subtotal = 0n;
  let tax = 0n;
  let shipping = 0n;
  let discount = 0n;
  const lines = d.lines.map((l, i): CanonicalLine => {
    const path = `lines[${i}]`;
    const src = `items[${i}]`;
    const price = ctx.money(`${path}.unitPriceMinor`, l.price.amount, `${src}.ItemPrice.Amount`);
    const quantity = l.quantity;
    const unit = l.price.perUnit || quantity <= 0 ? price : unitOf(price, BigInt(quantity), ctx, src);
    const lineTax = ctx.optionalMoney(`${path}.taxMinor`, l.tax, `${src}.ItemTax.Amount`);
    const lineDiscount = ctx.optionalMoney(`${path}.discountMinor`, l.discount, `${src}.PromotionDiscount.Amount`);
    subtotal += unit * BigInt(Math.max(quantity, 0));
    tax += lineTax + ctx.optionalMoney("totals.taxMinor", l.shippingTax, `${src}.ShippingTax.Amount`);
    shipping += ctx.optionalMoney("totals.shippingMinor", l.shipping, `${src}.ShippingPrice.Amount`);
    discount += lineDiscount + ctx.optionalMoney("totals.discountMinor", l.shippingDiscount, `${src}.ShippingDiscount.Amount`);
    return {
      sku: l.sku ?? (l.asin ? `ASIN:${l.asin}` : ""),
      quantity,
      unitPriceMinor: Number(unit),
      discountMinor: Number(lineDiscount),
      taxMinor: Number(lineTax),
      name: l.name,
    };
  });
  const total = ctx.money("totals.totalMinor", d.total?.amount, "OrderTotal.Amount");
  const placedAt = toUtcIso(d.placedAt, "iso-offset");
  if (placedAt === null) ctx.error("placedAt", `PurchaseDate ${JSON.stringify(d.placedAt ?? null)} is not an ISO 8601 instant`);
  const email = optionalText(d.email);
  if (email === undefined) ctx.error("customer.email", "BuyerEmail is missing (the app lacks the buyer-info role?)");
  const [firstName, ...rest] = (optionalText(d.buyerName) ?? "").split(" ");
  // Where prices include tax (EU, UK, JP marketplaces) the total is items + shipping − discounts.
  const taxesIncluded = tax > 0n && total === subtotal + shipping - discount;
  const status = STATUS[d.status ?? ""];
  if (status === undefined) ctx.note("unknown_status", `OrderStatus ${d.status ?? "?"} mapped to open`);

  return finalizeOrder(
    {
      channel: "amazon",
      externalId: d.externalId,
      placedAt: placedAt ?? "",
      customer: { email: email ?? "", firstName: optionalText(firstName), lastName: joinName(...rest) },
      currency,
      lines,
      shippingAddress: d.address,
      totals: {
        subtotalMinor: Number(subtotal),
        discountMinor: Number(discount),
        taxMinor: Number(tax),
        shippingMinor: Number(shipping),
        totalMinor: Number(total),
        taxesIncluded,
      },
      status: status ?? "open",
      test: false,
      notes: [],
    },
    ctx,
  );
}

// v0's ItemPrice is the price of all units; the canonical line wants one unit's price.
function unitOf(lineTotal: bigint, quantity: bigint, ctx: MappingContext, src: string): bigint {
  const { quotient, exact } = divideHalfEven(lineTotal, quantity);
  if (!exact) ctx.note("amount_rounded", `${src}.ItemPrice.Amount split over ${quantity} units`);
  return quotient;
}
