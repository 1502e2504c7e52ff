import { channelRequest } from "./channel-http";
import { type FetchedOrder, joinUrl, type StoreClient, type StoreContext } from "./store-client";

const PAGE = 100;

/**
 * WooCommerce REST API v3 (base: https://shop.example/wp-json/wc/v3), HTTP Basic with the
 * consumer key and secret. Orders changed since the watermark: modified_after with
 * dates_are_gmt, paged by `page` until X-WP-TotalPages.
 */
export function wooCommerceClient(ctx: StoreContext<"woocommerce">): StoreClient {
  const auth = `Basic ${Buffer.from(`${ctx.credentials.consumerKey}:${ctx.credentials.consumerSecret}`).toString("base64")}`;
  const headers = { Authorization: auth };
  return {
    async testConnection() {
      const res = await channelRequest({ url: joinUrl(ctx.apiBaseUrl, "/orders", { per_page: "1" }), headers }, ctx.http);
      return `Connected to WooCommerce: ${res.headers.get("x-wp-total") ?? "?"} orders`;
    },
    async listChangedSince(since: Date, until: Date) {
      const out: FetchedOrder[] = [];
      for (let page = 1; ; page++) {
        const res = await channelRequest(
          {
            url: joinUrl(ctx.apiBaseUrl, "/orders", {
              modified_after: since.toISOString().replace(/\.\d{3}Z$/, ""),
              modified_before: until.toISOString().replace(/\.\d{3}Z$/, ""),
              dates_are_gmt: "true",
              orderby: "modified",
              order: "asc",
              per_page: String(PAGE),
              page: String(page),
            }),
            headers,
          },
          ctx.http,
        );
        const orders = (Array.isArray(res.body) ? res.body : []) as Array<{ id?: unknown; date_modified_gmt?: string }>;
        for (const o of orders) {
          const modified = o.date_modified_gmt ? new Date(`${o.date_modified_gmt}Z`) : null;
          out.push({
            externalId: String(o.id),
            updatedAt: modified && !Number.isNaN(modified.getTime()) ? modified.toISOString() : null,
            body: JSON.stringify(o),
            documents: [],
            ready: true,
          });
        }
        const totalPages = Number(res.headers.get("x-wp-totalpages") ?? "1");
        if (orders.length === 0 || page >= totalPages) return out;
      }
    },
  };
}
