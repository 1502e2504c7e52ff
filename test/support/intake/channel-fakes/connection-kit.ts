import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { POST as storeWebhookPost } from "@/app/api/intake/[channel]/[connection]/route";
import { GET as listGet, POST as createPost } from "@/app/api/v1/admin/intake/connections/route";
import { POST as reconcilePost } from "@/app/api/v1/admin/intake/connections/[id]/reconcile/route";
import { POST as testPost } from "@/app/api/v1/admin/intake/connections/[id]/test/route";
import { loadFixture } from "../load-fixture";
import { parseLosslessJson } from "@/server/intake/adapters/lossless-json";
import { FAKE_TOKENS, type FakeChannels } from "./fake-channels";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read JSON answers loosely and assert on them
type Json = Record<string, any>;

/** Calls the real admin route handlers with a bearer token. */
export function adminApi(token: string) {
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const call = async (
    handler: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>,
    method: string,
    path: string,
    body?: unknown,
    params: Record<string, string> = {},
  ) => {
    const res = await handler(
      new Request(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }),
      { params: Promise.resolve(params) },
    );
    return { status: res.status, body: (await res.json()) as Json };
  };
  return {
    create: (body: unknown) => call(createPost as never, "POST", "/api/v1/admin/intake/connections", body),
    list: () => call(listGet as never, "GET", "/api/v1/admin/intake/connections"),
    test: (id: string) => call(testPost as never, "POST", `/api/v1/admin/intake/connections/${id}/test`, undefined, { id }),
    reconcile: (id: string) => call(reconcilePost as never, "POST", `/api/v1/admin/intake/connections/${id}/reconcile`, undefined, { id }),
  };
}

/** Posts a webhook to a connected store's URL through the real route handler. */
export async function postStoreWebhook(channel: string, connectionId: string, body: string, headers: Record<string, string>) {
  const req = new Request(`http://localhost/api/intake/${channel}/${connectionId}`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
  });
  const res = await storeWebhookPost(req, { params: Promise.resolve({ channel, connection: connectionId }) });
  return { status: res.status, body: (await res.json()) as Json };
}

export const WEBHOOK_SECRET = "store-webhook-secret-0123456789";

/** Connection bodies pointing at the fake. */
export function connectionBody(fake: FakeChannels, channel: "bigcommerce" | "shopify" | "woocommerce" | "amazon", slug: string) {
  const common = { slug, name: `${channel} ${slug}`, webhookSecret: WEBHOOK_SECRET };
  switch (channel) {
    case "bigcommerce":
      return { ...common, channel, apiBaseUrl: fake.base.bigcommerce, credentials: { accessToken: FAKE_TOKENS.bigcommerce } };
    case "shopify":
      return { ...common, channel, apiBaseUrl: fake.base.shopify, credentials: { accessToken: FAKE_TOKENS.shopify } };
    case "woocommerce":
      return {
        ...common,
        channel,
        apiBaseUrl: fake.base.woocommerce,
        credentials: { consumerKey: FAKE_TOKENS.woocommerce.key, consumerSecret: FAKE_TOKENS.woocommerce.secret },
      };
    case "amazon":
      return {
        ...common,
        channel,
        apiBaseUrl: fake.base.amazon,
        credentials: { ...FAKE_TOKENS.amazon, marketplaceId: "A1VC38T7YXB528", tokenUrl: fake.base.lwa },
      };
  }
}

export async function resetConnections(db: DbOrTx) {
  await db.execute(sql`TRUNCATE channel_connections, intake_refunds CASCADE`);
}

/** The BigCommerce fixture split the way the V2 API serves it: order, /products, /shipping_addresses. */
export function bigCommerceFixtureParts(id: number, dateModified: string) {
  const parsed = parseLosslessJson(loadFixture("bigcommerce-order"));
  if (!parsed.ok) throw new Error("fixture");
  const { products, shipping_addresses, ...order } = parsed.value as Record<string, unknown>;
  return { order: { ...order, id, date_modified: dateModified }, products: products as unknown[], addresses: shipping_addresses as unknown[] };
}

/** A Shopify fixture text with another id / updated_at, bytes otherwise as the channel sent them. */
export function shopifyOrderText(id: string, updatedAt: string, edits: Record<string, string> = {}) {
  let text = loadFixture("shopify-orders-create")
    .replace(/"id":\s*5987431293829471813/, `"id": ${id}`)
    .replace(/"updated_at":\s*"[^"]+"/, `"updated_at": "${updatedAt}"`);
  for (const [from, to] of Object.entries(edits)) text = text.replace(from, to);
  return text;
}

export function wooOrderText(id: number, modifiedGmt: string, extra: Record<string, unknown> = {}) {
  const parsed = parseLosslessJson(loadFixture("woocommerce-order-created"));
  if (!parsed.ok) throw new Error("fixture");
  return JSON.stringify({ ...(parsed.value as object), id, number: String(id), date_modified_gmt: modifiedGmt, ...extra });
}
