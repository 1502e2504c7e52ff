import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { adminNotifications, auditLog, channelConnections, intakePayloads, intakeRefunds, intakeSkuAliases, orders } from "@/db/schema";
import type { Harness } from "@/tools/inngest-local/harness";
import { startFakeChannels, type FakeChannels } from "@/test/support/intake/channel-fakes/fake-channels";
import {
  adminApi,
  bigCommerceFixtureParts,
  connectionBody,
  postStoreWebhook,
  resetConnections,
  shopifyOrderText,
  WEBHOOK_SECRET,
  wooOrderText,
} from "@/test/support/intake/channel-fakes/connection-kit";
import { startMailSink } from "@/scripts/lib/mail-sink";
import { channelHealth } from "@/server/intake/channel-health";
import { alertChannelHealth } from "@/server/intake/connectors/alert-channel-health";
import { closeEmailTransports, emailSender } from "@/server/notifications/send-email";
import { countOrders, makeStaffToken, resetIntake, seedCatalog, startIntakeInngest } from "@/test/support/intake/intake-test-kit";
import { signFor } from "@/test/support/intake/sign-for";

// Store API calls time out fast here (before any import reads the environment), so the timeout case is quick.
vi.hoisted(() => {
  process.env.CHANNEL_HTTP_TIMEOUT_MS = "400";
});

let harness: Harness;
let fake: FakeChannels;
let api: ReturnType<typeof adminApi>;
let staffUserId: string;

beforeAll(async () => {
  harness = await startIntakeInngest();
  fake = await startFakeChannels();
});
afterAll(async () => {
  await fake.close();
  await harness.close();
});

beforeEach(async () => {
  const db = getDb();
  await resetConnections(db);
  await resetIntake(db);
  await seedCatalog(db);
  await db.insert(intakeSkuAliases).values([
    { channel: "shopify", fromSku: "variant:48123456789012", toSku: "DIG-ROAST-GUIDE" },
    { channel: "woocommerce", fromSku: "product:93", toSku: "WOO-HOODIE" },
  ]);
  fake.requests.length = 0;
  fake.bigcommerce.clear();
  fake.shopify.length = 0;
  fake.woocommerce.length = 0;
  fake.amazon.length = 0;
  fake.lwa.issued.length = 0;
  const staff = await makeStaffToken(db);
  api = adminApi(staff.token);
  staffUserId = staff.userId;
});

async function connect(channel: Parameters<typeof connectionBody>[1], slug = "main") {
  const res = await api.create(connectionBody(fake, channel, slug));
  expect(res.status).toBe(201);
  return res.body.connection as { id: string; webhookPath: string };
}

describe("channel connections", () => {
  it("stores credentials encrypted, never returns them, audits; several stores per channel, one handle each", async () => {
    const db = getDb();
    const a = await connect("shopify", "us");
    await connect("shopify", "eu");
    const [row] = await db.select().from(channelConnections).where(eq(channelConnections.id, a.id));
    expect(row!.credentialsCiphertext).not.toContain("shpat_fake_token");
    expect(row!.webhookSecretCiphertext).not.toContain(WEBHOOK_SECRET);

    const list = await api.list();
    expect(list.body.connections.map((c: { slug: string }) => c.slug)).toEqual(["eu", "us"]);
    expect(JSON.stringify(list.body)).not.toMatch(/shpat_fake_token|store-webhook-secret|Ciphertext/);
    expect(list.body.connections[0]).toMatchObject({
      hasWebhookSecret: true,
      webhookPath: expect.stringMatching(/^\/api\/intake\/shopify\/[0-9a-f-]{36}$/),
    });

    const again = await api.create(connectionBody(fake, "shopify", "us"));
    expect(again.status).toBe(409);
    expect(again.body.error.fields).toHaveProperty("slug");
    const bad = await api.create({ ...connectionBody(fake, "woocommerce", "x"), apiBaseUrl: "ftp://nope", credentials: { consumerKey: "" } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields)).toEqual(
      expect.arrayContaining(["apiBaseUrl", "credentials.consumerKey", "credentials.consumerSecret"]),
    );
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityType, "channel_connection"));
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits)).not.toContain("shpat_fake_token");
  });

  it("test connection: ok against each fake store, the store's answer when the token is wrong", async () => {
    for (const channel of ["bigcommerce", "shopify", "woocommerce", "amazon"] as const) {
      const c = await connect(channel);
      const res = await api.test(c.id);
      expect(res.status, channel).toBe(200);
      expect(res.body, channel).toMatchObject({ ok: true, message: expect.stringMatching(/^Connected to/) });
    }
    const wrong = await api.create({ ...connectionBody(fake, "shopify", "wrong"), credentials: { accessToken: "shpat_wrong" } });
    const res = await api.test(wrong.body.connection.id);
    expect(res.body).toMatchObject({ ok: false, message: "GET /admin/api/2025-01/shop.json answered HTTP 401 Unauthorized" });
    const listed = (await api.list()).body.connections.find((c: { slug: string }) => c.slug === "wrong");
    expect(listed).toMatchObject({ lastTestOk: false, lastTestMessage: expect.stringContaining("401") });
  });
});

describe("BigCommerce thin webhooks", () => {
  const thin = (id: number) =>
    JSON.stringify({
      scope: "store/order/created",
      store_id: "1025646",
      data: { type: "order", id },
      hash: `hash-${id}`,
      created_at: 1709824869,
      producer: "stores/fakehash",
    });

  it("fetches the order, products and shipping addresses with the store's token, keeps them, creates the order", async () => {
    const db = getDb();
    const c = await connect("bigcommerce", "bc1");
    fake.bigcommerce.set("118", bigCommerceFixtureParts(118, "Thu, 07 Mar 2024 15:23:40 +0000"));
    const res = await postStoreWebhook("bigcommerce", c.id, thin(118), { "X-Replen-Webhook-Secret": WEBHOOK_SECRET });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: "accepted", action: "created" });
    const [order] = await db.select().from(orders).where(eq(orders.id, res.body.orderId));
    expect(order).toMatchObject({ channel: "bigcommerce", externalId: "bc1:118", totalMinor: 8696 });
    const [payload] = await db.select().from(intakePayloads).where(eq(intakePayloads.id, res.body.payloadId));
    expect(JSON.parse(payload!.rawBody)).toMatchObject({ scope: "store/order/created" }); // the raw webhook, untouched
    expect(payload!.fetched!.map((d) => d.path)).toEqual(["/v2/orders/118", "/v2/orders/118/products", "/v2/orders/118/shipping_addresses"]);
    expect(payload).toMatchObject({ connectionId: c.id, topic: "store/order/created", deliveryId: "hash-118" });
    expect(fake.requests.every((r) => r.headers["x-auth-token"] === "bc-access-token")).toBe(true);
  });

  it("a wrong or missing secret header is refused, nothing fetched", async () => {
    const c = await connect("bigcommerce", "bc1");
    const res = await postStoreWebhook("bigcommerce", c.id, thin(118), { "X-Replen-Webhook-Secret": "guess" });
    expect(res.status).toBe(401);
    expect(fake.requests).toHaveLength(0);
  });

  it("retries a 500 and a 429, then succeeds", async () => {
    const c = await connect("bigcommerce", "bc1");
    fake.bigcommerce.set("118", bigCommerceFixtureParts(118, "Thu, 07 Mar 2024 15:23:40 +0000"));
    fake.fail("/stores/fakehash/v2/orders/118/products", { status: 500, times: 1 });
    fake.fail("/stores/fakehash/v2/orders/118/shipping_addresses", { status: 429, retryAfter: 0, times: 1 });
    const res = await postStoreWebhook("bigcommerce", c.id, thin(118), { "X-Replen-Webhook-Secret": WEBHOOK_SECRET });
    expect(res.body).toMatchObject({ status: "accepted", action: "created" });
    expect(fake.requests.filter((r) => r.path.endsWith("/products"))).toHaveLength(2);
  });

  it("dead-letters with the HTTP reason on a 404, on a 500 that persists and on timeouts", async () => {
    const db = getDb();
    const c = await connect("bigcommerce", "bc1");
    const missing = await postStoreWebhook("bigcommerce", c.id, thin(999), { "X-Replen-Webhook-Secret": WEBHOOK_SECRET });
    expect(missing.status).toBe(200); // the channel must not retry or disable its webhook for our fetch
    expect(missing.body).toMatchObject({ status: "dead_lettered", reason: "fetch_failed" });
    const [row] = await db.select().from(intakePayloads).where(eq(intakePayloads.id, missing.body.payloadId));
    expect(row!.errors).toEqual([{ path: "", code: "fetch_failed", message: "GET /stores/fakehash/v2/orders/999 answered HTTP 404 Not Found" }]);
    expect(fake.requests.filter((r) => r.path.endsWith("/999"))).toHaveLength(1); // a 404 is not retried

    fake.bigcommerce.set("120", bigCommerceFixtureParts(120, "Thu, 07 Mar 2024 15:23:40 +0000"));
    fake.fail("/stores/fakehash/v2/orders/120", { status: 503, times: 3 });
    const down = await postStoreWebhook("bigcommerce", c.id, thin(120), { "X-Replen-Webhook-Secret": WEBHOOK_SECRET });
    expect(down.body, JSON.stringify(down.body)).toHaveProperty("reasons");
    expect(down.body.reasons[0].message).toBe("GET /stores/fakehash/v2/orders/120 answered HTTP 503 Service Unavailable");

    fake.fail("/stores/fakehash/v2/orders/120", { delayMs: 1500, times: 3 });
    const slow = await postStoreWebhook("bigcommerce", c.id, JSON.stringify({ ...JSON.parse(thin(120)), hash: "other" }), {
      "X-Replen-Webhook-Secret": WEBHOOK_SECRET,
    });
    expect(slow.body, JSON.stringify(slow.body)).toHaveProperty("reasons");
    expect(slow.body.reasons[0].message).toBe("GET /stores/fakehash/v2/orders/120 timed out after 400 ms");
    expect(await countOrders(db)).toBe(0);
  });
});

describe("reconciliation feeds missed orders through intake, exactly once", () => {
  it("shopify: Admin API pages (Link header), a webhook-delivered order is not created twice, misses are counted", async () => {
    const db = getDb();
    const c = await connect("shopify", "us");
    const now = new Date().toISOString();
    fake.shopify.push(
      { id: "1001", updatedAt: now, text: shopifyOrderText("1001", now) },
      { id: "1002", updatedAt: now, text: shopifyOrderText("1002", now) },
      { id: "1003", updatedAt: now, text: shopifyOrderText("1003", now) },
    );
    // 1001 arrived by webhook; 1002 and 1003 never did.
    const body = fake.shopify[0]!.text;
    const hook = await postStoreWebhook("shopify", c.id, body, {
      ...signFor("shopify", body, WEBHOOK_SECRET),
      "X-Shopify-Topic": "orders/create",
      "X-Shopify-Webhook-Id": "w-1",
    });
    expect(hook.body).toMatchObject({ status: "accepted", action: "created" });

    const run = await api.reconcile(c.id);
    expect(run.body).toMatchObject({ fetched: 3, missed: 2, error: null });
    expect(fake.requests.filter((r) => r.path.endsWith("/orders.json"))).toHaveLength(2); // 2 pages
    const ids = (await db.select({ e: orders.externalId }).from(orders)).map((o) => o.e).sort();
    expect(ids).toEqual(["us:1001", "us:1002", "us:1003"]);

    const again = await api.reconcile(c.id);
    expect(again.body).toMatchObject({ missed: 0, stored: 0 });
    expect(await countOrders(db)).toBe(3);
    const [row] = await db.select().from(channelConnections).where(eq(channelConnections.id, c.id));
    expect(row!.watermark).not.toBeNull();
  });

  it("woocommerce: modified_after, X-WP-TotalPages paging", async () => {
    const db = getDb();
    const c = await connect("woocommerce", "woo");
    const gmt = new Date().toISOString().slice(0, 19);
    for (const id of [801, 802, 803]) fake.woocommerce.push({ id: String(id), updatedAt: `${gmt}Z`, text: wooOrderText(id, gmt) });
    const run = await api.reconcile(c.id);
    expect(run.body).toMatchObject({ fetched: 3, missed: 3 });
    expect(fake.requests.some((r) => r.query.get("modified_after") && r.query.get("dates_are_gmt") === "true")).toBe(true);
    expect(await countOrders(db)).toBe(3);
  });

  it("bigcommerce: min_date_modified, each order's sub-resources fetched", async () => {
    const db = getDb();
    const c = await connect("bigcommerce", "bc1");
    fake.bigcommerce.set("118", bigCommerceFixtureParts(118, new Date().toUTCString()));
    const run = await api.reconcile(c.id);
    expect(run.body).toMatchObject({ fetched: 1, missed: 1 });
    expect(fake.requests.find((r) => r.path.endsWith("/v2/orders"))!.query.get("min_date_modified")).toMatch(/^\d{4}-/);
    expect(await countOrders(db)).toBe(1);
  });

  it("a store answering 500 records the failure and keeps the watermark", async () => {
    const db = getDb();
    const c = await connect("shopify", "us");
    fake.fail("/admin/api/2025-01/orders.json", { status: 500, times: 3 });
    const run = await api.reconcile(c.id);
    expect(run.body.error).toBe("GET /admin/api/2025-01/orders.json answered HTTP 500 Internal Server Error");
    const [row] = await db.select().from(channelConnections).where(eq(channelConnections.id, c.id));
    expect(row).toMatchObject({ watermark: null, reconcileFailures: 1, reconcileClaimedAt: null });
  });
});

describe("amazon: getOrders + getOrderItems, LWA token refresh, rate limits, JPY", () => {
  const order = (id: string, status: string, total: string | null) => ({
    AmazonOrderId: id,
    PurchaseDate: "2026-11-30T08:15:00Z",
    LastUpdateDate: new Date().toISOString(),
    OrderStatus: status,
    ...(total ? { OrderTotal: { CurrencyCode: "JPY", Amount: total } } : {}),
    BuyerInfo: { BuyerEmail: `${id}@marketplace.amazon.co.jp` },
    ShippingAddress: { Name: "Hana Sato", AddressLine1: "1-2-3 Shibuya", City: "Tokyo", PostalCode: "150-0002", CountryCode: "JP" },
  });
  const items = [
    {
      SellerSKU: "BEAN-ESP-1KG",
      QuantityOrdered: 2,
      ItemPrice: { CurrencyCode: "JPY", Amount: "19940" },
      ItemTax: { CurrencyCode: "JPY", Amount: "1813" },
    },
  ];

  it("refreshes the token, pages, waits out a 429, skips Pending orders until they have totals", async () => {
    const db = getDb();
    const c = await connect("amazon", "jp");
    fake.amazon.push(
      { order: order("503-1", "Unshipped", "19940"), items },
      { order: order("503-2", "Shipped", "19940"), items },
      { order: order("503-3", "Pending", null), items: [] },
    );
    fake.amazonItemsBurst = 1; // the second getOrderItems is throttled once
    const run = await api.reconcile(c.id);
    fake.amazonItemsBurst = 1000;
    expect(run.body).toMatchObject({ fetched: 3, missed: 2, waiting: 1, error: null });
    expect(fake.lwa.issued).toHaveLength(1);
    expect(fake.requests.filter((r) => r.path.endsWith("/orderItems"))).toHaveLength(3); // 2 orders + one 429 retried
    const [o] = await db.select().from(orders).where(eq(orders.externalId, "jp:503-1"));
    expect(o).toMatchObject({ currency: "JPY", totalMinor: 19940 });

    // The Pending order gets its prices: the next run picks it up, once.
    fake.amazon[2] = { order: order("503-3", "Unshipped", "19940"), items };
    await db
      .update(channelConnections)
      .set({ watermark: new Date(Date.now() - 60_000) })
      .where(eq(channelConnections.id, c.id));
    const next = await api.reconcile(c.id);
    expect(next.body).toMatchObject({ missed: 1, waiting: 0 });
    expect(fake.lwa.issued).toHaveLength(1); // cached token reused
  });

  it("a revoked or expired token is refreshed and the call retried", async () => {
    const db = getDb();
    const c = await connect("amazon", "jp");
    fake.amazon.push({ order: order("503-9", "Unshipped", "19940"), items });
    await api.test(c.id);
    expect(fake.lwa.issued).toHaveLength(1);
    fake.lwa.revoke();
    const run = await api.reconcile(c.id);
    expect(run.body).toMatchObject({ missed: 1, error: null });
    expect(fake.lwa.issued).toHaveLength(2);
    const [row] = await db.select().from(channelConnections).where(eq(channelConnections.id, c.id));
    expect(row!.accessTokenCiphertext).not.toContain("Atza|");
  });
});

describe("Shopify and WooCommerce topics on a store's webhook URL", () => {
  const hook = (id: string, body: string, headers: Record<string, string>) =>
    postStoreWebhook("shopify", id, body, { ...signFor("shopify", body, WEBHOOK_SECRET), ...headers });

  it("dedupes on X-Shopify-Webhook-Id even when the body differs; ignores stale deliveries with a reason", async () => {
    const db = getDb();
    const c = await connect("shopify", "us");
    const created = shopifyOrderText("2001", "2026-12-01T10:00:00Z");
    const first = await hook(c.id, created, {
      "X-Shopify-Topic": "orders/create",
      "X-Shopify-Webhook-Id": "d-1",
      "X-Shopify-Triggered-At": "2026-12-01T10:00:00Z",
    });
    expect(first.body.action).toBe("created");
    const resent = await hook(c.id, created.replace('"note": null', '"note": ""'), {
      "X-Shopify-Topic": "orders/create",
      "X-Shopify-Webhook-Id": "d-1",
    });
    expect(resent.body).toMatchObject({ status: "accepted", duplicatePayloadId: expect.any(String) });

    const fulfilled = shopifyOrderText("2001", "2026-12-01T12:00:00Z", { '"fulfillment_status": null': '"fulfillment_status": "fulfilled"' });
    const newer = await hook(c.id, fulfilled, {
      "X-Shopify-Topic": "orders/fulfilled",
      "X-Shopify-Webhook-Id": "d-3",
      "X-Shopify-Triggered-At": "2026-12-01T12:00:00Z",
    });
    expect(newer.body).toMatchObject({ status: "accepted", action: "status_advanced" });
    const late = shopifyOrderText("2001", "2026-12-01T11:00:00Z", { '"financial_status": "paid"': '"financial_status": "pending"' });
    const stale = await hook(c.id, late, {
      "X-Shopify-Topic": "orders/updated",
      "X-Shopify-Webhook-Id": "d-2",
      "X-Shopify-Triggered-At": "2026-12-01T11:00:00Z",
    });
    expect(stale.body).toMatchObject({ status: "ignored", reason: "stale_delivery" });
    expect(await countOrders(db)).toBe(1);
  });

  it("refunds/create records the refund's lines and amount once; a refund for an unknown order is dead-lettered", async () => {
    const db = getDb();
    const c = await connect("shopify", "us");
    const created = await hook(c.id, shopifyOrderText("3001", "2026-12-01T10:00:00Z"), {
      "X-Shopify-Topic": "orders/create",
      "X-Shopify-Webhook-Id": "r-0",
    });
    const refund = JSON.stringify({
      id: 929361462,
      order_id: 3001,
      created_at: "2026-12-02T09:00:00-05:00",
      refund_line_items: [{ quantity: 1, line_item_id: 1, subtotal: "19.99", line_item: { sku: "FLT-CART-3PK" } }],
      transactions: [{ amount: "21.49", kind: "refund", status: "success", currency: "USD" }],
    });
    const res = await hook(c.id, refund, { "X-Shopify-Topic": "refunds/create", "X-Shopify-Webhook-Id": "r-1" });
    expect(res.body).toMatchObject({ status: "accepted", action: "refunded", orderId: created.body.orderId });
    const again = await hook(c.id, refund, { "X-Shopify-Topic": "refunds/create", "X-Shopify-Webhook-Id": "r-1b" });
    expect(again.body.status).toBe("accepted"); // answered as the duplicate it is
    const refunds = await db.select().from(intakeRefunds);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({
      amountMinor: 2149,
      currency: "USD",
      externalRefundId: "us:929361462",
      lines: [{ sku: "FLT-CART-3PK", quantity: 1, amountMinor: 1999 }],
    });

    const orphan = await hook(c.id, refund.replace("3001", "4040").replace("929361462", "1"), {
      "X-Shopify-Topic": "refunds/create",
      "X-Shopify-Webhook-Id": "r-2",
    });
    expect(orphan.status).toBe(422); // Shopify retries: the order may arrive in the meantime
    expect(orphan.body.error.reasons[0]).toMatchObject({ code: "unknown_order", path: "order_id" });
  });

  it("woocommerce: order.deleted cancels through the workflow runtime; a partial refund in order.updated is recorded", async () => {
    const db = getDb();
    const c = await connect("woocommerce", "woo");
    const woo = (body: string, topic: string) =>
      postStoreWebhook("woocommerce", c.id, body, { ...signFor("woocommerce", body, WEBHOOK_SECRET), "X-WC-Webhook-Topic": topic });
    const created = await woo(wooOrderText(901, "2026-12-01T10:00:00"), "order.created");
    expect(created.body.action).toBe("created");
    const refunded = await woo(wooOrderText(901, "2026-12-01T11:00:00", { refunds: [{ id: 55, reason: "", total: "-5.00" }] }), "order.updated");
    expect(refunded.body).toMatchObject({ status: "accepted", action: "refunded" });
    expect((await db.select().from(intakeRefunds))[0]).toMatchObject({ amountMinor: 500, externalRefundId: "woo:refund-55" });

    const deleted = await woo(JSON.stringify({ id: 901 }), "order.deleted");
    expect(deleted.body).toMatchObject({ status: "accepted", action: "cancelled" });
    const [o] = await db.select().from(orders).where(eq(orders.id, created.body.orderId));
    expect(o!.state).toBe("cancelled");
    const unknown = await woo(JSON.stringify({ id: 1 }), "customer.created");
    expect(unknown.body).toMatchObject({ status: "ignored", reason: "unsupported_topic" });
    expect(Number((await db.execute<{ n: number }>(sql`SELECT count(*)::int n FROM intake_payloads WHERE connection_id IS NOT NULL`))[0]!.n)).toBe(4);
  });
});

describe("channel health and alerts", () => {
  it("a store whose misses reconciliation found is flagged, and the admins get one email (claim → send → record)", async () => {
    const db = getDb();
    const sink = await startMailSink({ port: 0 });
    try {
      const send = emailSender({ smtpUrl: sink.url, from: "Replen <no-reply@replen.test>" });
      const c = await connect("shopify", "us");
      const quiet = await connect("woocommerce", "woo");
      const now = new Date().toISOString();
      fake.shopify.push({ id: "7001", updatedAt: now, text: shopifyOrderText("7001", now) });
      await api.reconcile(c.id);

      const later = new Date(Date.now() + 7 * 3_600_000); // 7 h on: the Woo store never delivered anything
      const health = await channelHealth(db, { now: later, quietAfterMinutes: 360 });
      expect(health.find((h) => h.connectionId === c.id)).toMatchObject({ status: "missing_webhooks", missed7d: 1, lastDeliveryAt: null });
      expect(health.find((h) => h.connectionId === quiet.id)).toMatchObject({
        status: "quiet",
        detail: expect.stringMatching(/^No webhook delivery for \d+ minutes$/),
      });

      const first = await alertChannelHealth(db, { now: later, quietAfterMinutes: 360, send, appUrl: "http://replen.test" });
      expect(first.sent).toBe(2);
      expect(sink.messages.map((m) => m.subject).sort()).toEqual([
        "Replen: shopify us (shopify) is missing webhooks",
        "Replen: woocommerce woo (woocommerce) is quiet",
      ]);
      const again = await alertChannelHealth(db, {
        now: new Date(later.getTime() + 60_000),
        quietAfterMinutes: 360,
        send,
        appUrl: "http://replen.test",
      });
      expect(again.sent).toBe(0); // once per change of status
      expect(await db.select().from(auditLog).where(eq(auditLog.action, "health_alert_sent"))).toHaveLength(2);
      // Email + in-app (#14 item 6): each admin's bell got one notification per alert, not one per run.
      const inbox = await db.select().from(adminNotifications).where(eq(adminNotifications.userId, staffUserId));
      expect(inbox.map((n) => [n.kind, n.title, n.link]).sort()).toEqual([
        ["channel_health", "shopify us (shopify) is missing webhooks", "/intake"],
        ["channel_health", "woocommerce woo (woocommerce) is quiet", "/intake"],
      ]);

      // A failed send releases the claim and records nothing: the next run retries.
      await db.update(channelConnections).set({ alertKind: null }).where(eq(channelConnections.id, quiet.id));
      const failing = await alertChannelHealth(db, {
        now: later,
        quietAfterMinutes: 360,
        send: () => Promise.reject(new Error("smtp down")),
        appUrl: "x",
      });
      expect(failing.sent).toBe(0);
      const [row] = await db.select().from(channelConnections).where(eq(channelConnections.id, quiet.id));
      expect(row).toMatchObject({ alertKind: null, alertClaimedAt: null });
      expect(await db.select().from(adminNotifications).where(eq(adminNotifications.userId, staffUserId))).toHaveLength(2);
    } finally {
      closeEmailTransports();
      await sink.stop();
    }
  });
});
