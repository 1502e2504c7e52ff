import { quoteUnsafeNumbers } from "../adapters/lossless-json";
import { channelRequest } from "./channel-http";
import { type FetchedOrder, joinUrl, type StoreClient, type StoreContext } from "./store-client";

/**
 * Shopify Admin REST API (base: https://{shop}.myshopify.com/admin/api/{version}), token in
 * X-Shopify-Access-Token. Orders changed since the watermark: updated_at_min, status=any,
 * cursor pagination through the Link header's rel="next" (page_info) URL.
 */
export function shopifyClient(ctx: StoreContext<"shopify">): StoreClient {
  const headers = { "X-Shopify-Access-Token": ctx.credentials.accessToken };
  return {
    async testConnection() {
      const res = await channelRequest({ url: joinUrl(ctx.apiBaseUrl, "/shop.json"), headers }, ctx.http);
      const shop = (res.body as { shop?: { name?: string } } | null)?.shop;
      return `Connected to Shopify shop ${shop?.name ?? "(unnamed)"}`;
    },
    async listChangedSince(since: Date, until: Date) {
      const out: FetchedOrder[] = [];
      let url: string | null = joinUrl(ctx.apiBaseUrl, "/orders.json", {
        status: "any",
        updated_at_min: since.toISOString(),
        updated_at_max: until.toISOString(),
        limit: "250",
      });
      while (url) {
        const res = await channelRequest({ url, headers }, ctx.http);
        // Shopify ids are 64-bit: parsed with the unsafe integers quoted, so none is rounded.
        const page = JSON.parse(quoteUnsafeNumbers(res.text)) as { orders?: Array<{ id?: unknown; updated_at?: string }> } | null;
        const orders = page?.orders ?? [];
        for (const o of orders) {
          out.push({
            externalId: String(o.id),
            updatedAt: o.updated_at ? new Date(o.updated_at).toISOString() : null,
            body: JSON.stringify(o),
            documents: [],
            ready: true,
          });
        }
        url = nextLink(res.headers.get("link"));
      }
      return out;
    },
  };
}

/** `<https://…page_info=abc>; rel="next", <…>; rel="previous"` → the next URL, or null. */
export function nextLink(header: string | null): string | null {
  for (const part of (header ?? "").split(",")) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part.trim());
    if (m) return m[1]!;
  }
  return null;
}
