import { json, startFakeServer, type FakeServer } from "./fake-store-server";

/**
 * The four store APIs on one fake server, each under its own base path (what a connection's
 * "API base URL" points at). Orders are held as raw JSON text so 64-bit Shopify ids survive.
 */
export const FAKE_TOKENS = {
  bigcommerce: "bc-access-token",
  shopify: "shpat_fake_token",
  woocommerce: { key: "ck_fake", secret: "cs_fake" },
  amazon: { clientId: "amzn1.application-oa2-client.fake", clientSecret: "fake-secret", refreshToken: "Atzr|fake-refresh" },
};

type BcOrder = { order: Record<string, unknown>; products: unknown[]; addresses: unknown[] };
type StoredText = { id: string; updatedAt: string; text: string };
type AmazonOrder = { order: Record<string, unknown> & { AmazonOrderId: string; LastUpdateDate: string }; items: unknown[] };

export type FakeChannels = FakeServer & {
  base: { bigcommerce: string; shopify: string; woocommerce: string; amazon: string; lwa: string };
  bigcommerce: Map<string, BcOrder>;
  shopify: StoredText[];
  woocommerce: StoredText[];
  amazon: AmazonOrder[];
  /** Shopify page size (the client asks for 250; the fake pages smaller to exercise the Link header). */
  shopifyPageSize: number;
  wooPageSize: number;
  amazonPageSize: number;
  /** LWA: tokens issued, and how long each lives. */
  lwa: { issued: string[]; expiresIn: number; revoke(): void };
  /** SP-API getOrderItems bucket: requests beyond `burst` within the window get 429. */
  amazonItemsBurst: number;
};

export async function startFakeChannels(): Promise<FakeChannels> {
  const server = await startFakeServer();
  const bc = new Map<string, BcOrder>();
  const shopify: StoredText[] = [];
  const woo: StoredText[] = [];
  const amazon: AmazonOrder[] = [];
  const valid = new Set<string>();
  const fake = Object.assign(server, {
    base: {
      bigcommerce: `${server.url}/stores/fakehash`,
      shopify: `${server.url}/admin/api/2025-01`,
      woocommerce: `${server.url}/wp-json/wc/v3`,
      amazon: server.url,
      lwa: `${server.url}/auth/o2/token`,
    },
    bigcommerce: bc,
    shopify,
    woocommerce: woo,
    amazon,
    shopifyPageSize: 2,
    wooPageSize: 2,
    amazonPageSize: 2,
    amazonItemsBurst: 1000,
    lwa: {
      issued: [] as string[],
      expiresIn: 3600,
      revoke: () => valid.clear(),
    },
  });

  // BigCommerce V2: X-Auth-Token; list pages by page/limit and answers 204 past the end.
  const bcAuth = (h: Record<string, unknown>) => h["x-auth-token"] === FAKE_TOKENS.bigcommerce;
  server.route("GET", /^\/stores\/fakehash\/v2\/store$/, (req, res) =>
    bcAuth(req.headers) ? json(res, 200, { id: "fakehash", name: "Fake Roasters" }) : json(res, 401, [{ status: 401, message: "Unauthorized" }]),
  );
  server.route("GET", /^\/stores\/fakehash\/v2\/orders$/, (req, res) => {
    if (!bcAuth(req.headers)) return json(res, 401, [{ status: 401 }]);
    const min = req.query.get("min_date_modified");
    const all = [...bc.values()].map((o) => o.order).filter((o) => !min || new Date(String(o.date_modified)) >= new Date(min));
    const limit = Number(req.query.get("limit") ?? 50);
    const page = Number(req.query.get("page") ?? 1);
    const slice = all.slice((page - 1) * limit, page * limit);
    if (slice.length === 0) return void res.writeHead(204).end();
    json(res, 200, slice);
  });
  server.route("GET", /^\/stores\/fakehash\/v2\/orders\/(\d+)(\/products|\/shipping_addresses)?$/, (req, res, m) => {
    if (!bcAuth(req.headers)) return json(res, 401, [{ status: 401 }]);
    const o = bc.get(m[1]!);
    if (!o) return json(res, 404, [{ status: 404, message: "The requested resource was not found." }]);
    if (m[2] === "/products") return json(res, 200, o.products);
    if (m[2] === "/shipping_addresses") return o.addresses.length === 0 ? void res.writeHead(204).end() : json(res, 200, o.addresses);
    json(res, 200, o.order);
  });

  // Shopify Admin REST: X-Shopify-Access-Token; cursor pages through Link: <…page_info=…>; rel="next".
  server.route("GET", /^\/admin\/api\/2025-01\/shop\.json$/, (req, res) =>
    req.headers["x-shopify-access-token"] === FAKE_TOKENS.shopify
      ? json(res, 200, { shop: { name: "Fake Shopify Shop" } })
      : json(res, 401, { errors: "[API] Invalid API key or access token" }),
  );
  server.route("GET", /^\/admin\/api\/2025-01\/orders\.json$/, (req, res) => {
    if (req.headers["x-shopify-access-token"] !== FAKE_TOKENS.shopify) return json(res, 401, { errors: "[API] Invalid API key or access token" });
    const min = req.query.get("updated_at_min");
    const list = shopify.filter((o) => !min || new Date(o.updatedAt) >= new Date(min));
    const offset = Number(req.query.get("page_info") ?? 0);
    const page = list.slice(offset, offset + fake.shopifyPageSize);
    const headers: Record<string, string> = {};
    if (offset + fake.shopifyPageSize < list.length)
      headers.link = `<${fake.base.shopify}/orders.json?limit=250&page_info=${offset + fake.shopifyPageSize}>; rel="next"`;
    json(res, 200, `{"orders":[${page.map((o) => o.text).join(",")}]}`, headers);
  });

  // WooCommerce REST v3: HTTP Basic; page/per_page with X-WP-Total and X-WP-TotalPages.
  const wooAuth = `Basic ${Buffer.from(`${FAKE_TOKENS.woocommerce.key}:${FAKE_TOKENS.woocommerce.secret}`).toString("base64")}`;
  server.route("GET", /^\/wp-json\/wc\/v3\/orders$/, (req, res) => {
    if (req.headers.authorization !== wooAuth)
      return json(res, 401, { code: "woocommerce_rest_cannot_view", message: "Sorry, you cannot list resources.", data: { status: 401 } });
    const after = req.query.get("modified_after");
    const list = woo.filter((o) => !after || new Date(o.updatedAt) > new Date(`${after}Z`));
    const perPage = Math.min(Number(req.query.get("per_page") ?? 10), fake.wooPageSize);
    const page = Number(req.query.get("page") ?? 1);
    const pages = Math.max(1, Math.ceil(list.length / perPage));
    json(
      res,
      200,
      `[${list
        .slice((page - 1) * perPage, page * perPage)
        .map((o) => o.text)
        .join(",")}]`,
      { "x-wp-total": String(list.length), "x-wp-totalpages": String(pages) },
    );
  });

  // Login with Amazon: refresh_token grant → short-lived access token.
  server.route("POST", /^\/auth\/o2\/token$/, (req, res) => {
    const form = new URLSearchParams(req.body);
    const a = FAKE_TOKENS.amazon;
    if (
      form.get("grant_type") !== "refresh_token" ||
      form.get("refresh_token") !== a.refreshToken ||
      form.get("client_id") !== a.clientId ||
      form.get("client_secret") !== a.clientSecret
    ) {
      return json(res, 400, { error: "invalid_grant", error_description: "The request has an invalid grant parameter" });
    }
    const token = `Atza|fake-${fake.lwa.issued.length + 1}`;
    fake.lwa.issued.push(token);
    valid.add(token);
    json(res, 200, { access_token: token, token_type: "bearer", expires_in: fake.lwa.expiresIn, refresh_token: a.refreshToken });
  });
  // SP-API Orders v0: x-amz-access-token; NextToken pages; getOrderItems rate-limited to a burst.
  const amzAuth = (h: Record<string, unknown>) => valid.has(String(h["x-amz-access-token"]));
  const unauthorized = { errors: [{ code: "Unauthorized", message: "Access to requested resource is denied." }] };
  server.route("GET", /^\/orders\/v0\/orders$/, (req, res) => {
    if (!amzAuth(req.headers)) return json(res, 403, unauthorized);
    const after = req.query.get("LastUpdatedAfter") ?? req.query.get("CreatedAfter");
    const list = amazon.filter((o) => !after || new Date(o.order.LastUpdateDate) >= new Date(after));
    const offset = Number(req.query.get("NextToken") ?? 0);
    const page = list.slice(offset, offset + fake.amazonPageSize);
    const next = offset + fake.amazonPageSize < list.length ? String(offset + fake.amazonPageSize) : undefined;
    json(res, 200, { payload: { Orders: page.map((o) => o.order), ...(next ? { NextToken: next } : {}) } }, { "x-amzn-ratelimit-limit": "0.0167" });
  });
  let itemCalls = 0;
  server.route("GET", /^\/orders\/v0\/orders\/([^/]+)\/orderItems$/, (req, res, m) => {
    if (!amzAuth(req.headers)) return json(res, 403, unauthorized);
    if (++itemCalls > fake.amazonItemsBurst) {
      itemCalls = 0;
      return json(res, 429, { errors: [{ code: "QuotaExceeded", message: "You exceeded your quota for the requested resource." }] });
    }
    const o = amazon.find((x) => x.order.AmazonOrderId === decodeURIComponent(m[1]!));
    if (!o) return json(res, 404, { errors: [{ code: "NotFound", message: "Order not found" }] });
    json(res, 200, { payload: { AmazonOrderId: o.order.AmazonOrderId, OrderItems: o.items } }, { "x-amzn-ratelimit-limit": "0.5" });
  });
  return fake;
}
