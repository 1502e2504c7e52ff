import type { FetchedDocument } from "../json-shapes";
import { channelRequest } from "./channel-http";
import { type FetchedOrder, joinUrl, type StoreClient, type StoreContext } from "./store-client";

const PAGE = 250;

/**
 * BigCommerce V2 orders: a webhook only says `{ data: { id } }`, so the order, its products
 * and its shipping addresses are fetched (three GETs, X-Auth-Token) and assembled into the
 * embedded body the bigcommerce adapter reads. 204 (an order with no shipping address: digital)
 * is an empty list. Base URL: https://api.bigcommerce.com/stores/{store_hash}.
 */
export function bigCommerceClient(ctx: StoreContext<"bigcommerce">): StoreClient & { fetchOrder(id: string): Promise<FetchedOrder> } {
  const get = async (path: string, query?: Record<string, string>) => {
    const res = await channelRequest(
      { url: joinUrl(ctx.apiBaseUrl, path, query), headers: { "X-Auth-Token": ctx.credentials.accessToken } },
      ctx.http,
    );
    return { path, status: res.status, body: res.status === 204 ? null : res.body } satisfies FetchedDocument;
  };

  const assemble = async (order: FetchedDocument): Promise<FetchedOrder> => {
    const o = order.body as { id?: number | string; date_modified?: string };
    const id = String(o.id);
    const products = await get(`/v2/orders/${id}/products`);
    const addresses = await get(`/v2/orders/${id}/shipping_addresses`);
    const body = { ...(order.body as object), products: products.body ?? [], shipping_addresses: addresses.body ?? [] };
    const modified = o.date_modified ? new Date(o.date_modified) : null;
    return {
      externalId: id,
      updatedAt: modified && !Number.isNaN(modified.getTime()) ? modified.toISOString() : null,
      body: JSON.stringify(body),
      documents: [order, products, addresses],
      ready: true,
    };
  };

  return {
    async testConnection() {
      const store = await get("/v2/store");
      const name = (store.body as { name?: string } | null)?.name;
      return `Connected to BigCommerce store ${name ?? "(unnamed)"}`;
    },
    async fetchOrder(id: string) {
      return assemble(await get(`/v2/orders/${encodeURIComponent(id)}`));
    },
    async listChangedSince(since: Date, until: Date) {
      const out: FetchedOrder[] = [];
      for (let page = 1; ; page++) {
        const list = await get("/v2/orders", {
          min_date_modified: since.toISOString(),
          max_date_modified: until.toISOString(),
          sort: "date_modified:asc",
          limit: String(PAGE),
          page: String(page),
        });
        const orders = Array.isArray(list.body) ? (list.body as object[]) : [];
        for (const o of orders) out.push(await assemble({ path: `/v2/orders/${String((o as { id?: unknown }).id)}`, status: 200, body: o }));
        if (orders.length < PAGE) return out;
      }
    },
  };
}
