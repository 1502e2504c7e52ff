import type { MappingContext } from "./mapping-context";
import { idText, optionalText } from "./read-values";

/**
 * Rule (docs/intake.md, "Missing SKU"): a line without a SKU falls back to a channel-scoped
 * synthetic SKU rather than failing, because the channel still identifies what was bought:
 *   1. the variant id → "variant:<id>"  (Shopify variant_id, WooCommerce variation_id, BigCommerce variant_id)
 *   2. else the product id → "product:<id>"  (WooCommerce simple products have variation_id 0)
 *   3. else an error at `<linePath>.sku`.
 * Synthetic SKUs only mean something together with the order's channel.
 */
export function resolveSku(ctx: MappingContext, linePath: string, ids: { sku: unknown; variantId?: unknown; productId?: unknown }): string {
  const sku = optionalText(ids.sku);
  if (sku !== undefined) return sku;
  const variant = idText(ids.variantId);
  const product = idText(ids.productId);
  const fallback = variant !== undefined ? `variant:${variant}` : product !== undefined ? `product:${product}` : undefined;
  if (fallback === undefined) {
    ctx.error(`${linePath}.sku`, "SKU is missing and the line has no variant or product id to fall back to");
    return "";
  }
  ctx.note("sku_fallback", `${linePath} has no SKU; using ${fallback}`);
  return fallback;
}
