import { amazonAdapter } from "./amazon-adapter";
import { apiAdapter } from "./api-adapter";
import { bigCommerceAdapter } from "./bigcommerce-adapter";
import type { Channel } from "./canonical-order";
import type { ChannelAdapter } from "./channel-adapter";
import { shopifyAdapter } from "./shopify-adapter";
import { wooCommerceAdapter } from "./woocommerce-adapter";

/** Pure mapping layer of order intake: no database, no `server-only`, safe to unit test. */
export const intakeAdapters: Readonly<Record<Channel, ChannelAdapter>> = {
  shopify: shopifyAdapter,
  woocommerce: wooCommerceAdapter,
  bigcommerce: bigCommerceAdapter,
  api: apiAdapter,
  amazon: amazonAdapter,
};

export { amazonOrderHasTotals } from "./amazon-adapter";
export { amazonAdapter, apiAdapter, bigCommerceAdapter, shopifyAdapter, wooCommerceAdapter };
export { API_SIGNATURE_HEADER } from "./api-adapter";
export { BIGCOMMERCE_SIGNATURE_HEADER } from "./bigcommerce-adapter";
export { SHOPIFY_SIGNATURE_HEADER } from "./shopify-adapter";
export { WOOCOMMERCE_SIGNATURE_HEADER } from "./woocommerce-adapter";
export * from "./canonical-order";
export type { ChannelAdapter, IntakeError, ParseResult } from "./channel-adapter";
export { checkTotals, type TotalsCheck, type TotalsIssue } from "./check-totals";
export { parseLosslessJson, quoteUnsafeNumbers } from "./lossless-json";
export { mergeDuplicateLines } from "./merge-lines";
export { currencyExponent, divideHalfEven, formatMinor, parseMoney, type MoneyResult, type Rounding } from "./money";
export { getHeader, hmacSha256Base64, verifyBearerToken, verifyHmacBase64, type HeaderBag } from "./signature";
export { toUtcIso, type TimestampFormat } from "./to-utc-iso";
