import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, customers, intakePayloads, intakeSkuAliases, orders } from "@/db/schema";
import type { Harness } from "@/tools/inngest-local/harness";
import { editFixture } from "@/test/support/intake/edit-fixture";
import { loadFixture } from "@/test/support/intake/load-fixture";
import {
  countOrders,
  orderWithLines,
  payloadRow,
  postIntake,
  resetIntake,
  seedCatalog,
  startIntakeInngest,
} from "@/test/support/intake/intake-test-kit";

let harness: Harness;
beforeAll(async () => {
  harness = await startIntakeInngest();
});
afterAll(() => harness.close());

beforeEach(async () => {
  const db = getDb();
  await resetIntake(db);
  await seedCatalog(db);
  await db.insert(intakeSkuAliases).values([
    { channel: "shopify", fromSku: "variant:48123456789012", toSku: "DIG-ROAST-GUIDE" },
    { channel: "woocommerce", fromSku: "product:93", toSku: "WOO-HOODIE" },
  ]);
});

const announced = (orderId: string) => harness.executor.events().filter((e) => e.name === "order/created" && e.data.orderId === orderId);

describe("POST /api/intake/:channel — each channel's fixtures become canonical orders", () => {
  it("shopify: 64-bit id exact, amounts in minor units, lines, customer created in UTC, order/created emitted", async () => {
    const db = getDb();
    const raw = loadFixture("shopify-orders-create");
    const res = await postIntake("shopify", raw);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: "accepted", action: "created", orderId: expect.any(String), payloadId: expect.any(String) });

    const { order, lines } = await orderWithLines(db, res.body.orderId!);
    expect(order).toMatchObject({
      kind: "intake",
      channel: "shopify",
      externalId: "5987431293829471813",
      state: "created",
      currency: "USD",
      subtotalMinor: 10987,
      discountMinor: 499,
      taxMinor: 839,
      shippingMinor: 750,
      totalMinor: 12077,
      flags: [],
    });
    expect(order.shippingAddress).toMatchObject({ country: expect.stringMatching(/^[A-Z]{2}$/) });
    expect(lines.map((l) => [l.sku, l.quantity, l.unitPriceMinor, l.reservedQuantity])).toEqual([
      ["BEAN-ESP-1KG", 2, 2495, 0],
      ["FLT-CART-3PK", 3, 1999, 0],
    ]);
    const [customer] = await db.select().from(customers).where(eq(customers.id, order.customerId));
    expect(customer).toMatchObject({ email: "ana.lima@example.com", timeZone: "UTC" });

    const payload = await payloadRow(db, res.body.payloadId);
    expect(payload).toMatchObject({ status: "accepted", signatureValid: true, externalId: "5987431293829471813", orderId: order.id, attempts: 1 });
    expect(payload.rawBody).toBe(raw);
    expect(payload.canonical).toMatchObject({ externalId: "5987431293829471813", status: "paid" });

    await harness.executor.waitForIdle();
    expect(announced(order.id)).toHaveLength(1);
    expect(announced(order.id)[0]!.id).toBe(`order-created-${order.id}`);
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, order.id));
    expect(audit.map((a) => [a.actorType, a.action, a.toState])).toEqual([["channel", "intake_accepted", "created"]]);
  });

  it("shopify digital order: synthetic variant SKU mapped by an alias, EUR tax-inclusive, no address", async () => {
    const res = await postIntake("shopify", loadFixture("shopify-digital-sku-fallback"));
    expect(res.status).toBe(201);
    const { order, lines } = await orderWithLines(getDb(), res.body.orderId!);
    expect(order).toMatchObject({ externalId: "6119372028672015871", currency: "EUR", totalMinor: 2400, shippingAddress: null });
    expect(lines).toMatchObject([{ sku: "DIG-ROAST-GUIDE", quantity: 2, unitPriceMinor: 1200, meta: { channelSkus: ["variant:48123456789012"] } }]);
  });

  it("woocommerce: product fallback via alias; a fee line is a lenient totals mismatch, accepted and flagged", async () => {
    const a = await postIntake("woocommerce", loadFixture("woocommerce-order-created"));
    expect(a.status).toBe(201);
    const first = await orderWithLines(getDb(), a.body.orderId!);
    expect(first.order).toMatchObject({ externalId: "727", totalMinor: 2935, flags: [] });
    expect(first.lines.map((l) => [l.sku, l.quantity, l.unitPriceMinor])).toEqual([
      ["Bar3", 1, 1200],
      ["WOO-HOODIE", 2, 300],
    ]);

    const b = await postIntake("woocommerce", loadFixture("woocommerce-duplicate-lines-fee"));
    expect(b.status).toBe(201);
    const second = await orderWithLines(getDb(), b.body.orderId!);
    expect(second.order).toMatchObject({ externalId: "4821", currency: "EUR", totalMinor: 3450, flags: ["totals_mismatch"] });
    expect(second.lines).toMatchObject([{ sku: "COF-HOUSE-500", quantity: 2, unitPriceMinor: 1250 }]);
  });

  it("bigcommerce and api: 4-decimal money and KWD (3 decimals) in minor units", async () => {
    const bc = await postIntake("bigcommerce", loadFixture("bigcommerce-order"));
    expect(bc.status).toBe(201);
    const big = await orderWithLines(getDb(), bc.body.orderId!);
    expect(big.order).toMatchObject({
      externalId: "118",
      subtotalMinor: 7390,
      discountMinor: 259,
      taxMinor: 570,
      shippingMinor: 995,
      totalMinor: 8696,
    });
    expect(big.lines.map((l) => [l.sku, l.quantity, l.unitPriceMinor])).toEqual([
      ["BEAN-ETH-1LB", 3, 1600],
      ["CB-FILTER-50", 2, 1295],
    ]);

    const api = await postIntake("api", loadFixture("api-order"));
    expect(api.status).toBe(201);
    const kwd = await orderWithLines(getDb(), api.body.orderId!);
    expect(kwd.order).toMatchObject({ externalId: "ERP-2024-000187", currency: "KWD", totalMinor: 92820 });
  });

  it("orders the channel already cancelled, and test orders, are stored as ignored with their canonical form", async () => {
    const db = getDb();
    for (const [channel, fixture] of [
      ["shopify", "shopify-sample-cancelled-test"],
      ["woocommerce", "woocommerce-digital-cancelled"],
      ["bigcommerce", "bigcommerce-digital-cancelled"],
    ] as const) {
      const res = await postIntake(channel, loadFixture(fixture));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: "ignored", reason: "cancelled_before_intake" });
      expect((await payloadRow(db, res.body.payloadId)).canonical).toMatchObject({ status: "cancelled" });
    }
    const test = await postIntake("shopify", editFixture("shopify-orders-create", { test: true }));
    expect(test.body).toMatchObject({ status: "ignored", reason: "test_order" });
    expect(await countOrders(db)).toBe(0);
  });
});

describe("governance: signatures, malformed bodies, dead letters, replays", () => {
  it("a bad signature is 401 and recorded as rejected, never processed", async () => {
    const db = getDb();
    const raw = loadFixture("shopify-orders-create");
    const res = await postIntake("shopify", raw, { secret: "not-the-secret" });
    expect(res.status).toBe(401);
    const row = await payloadRow(db, res.body.payloadId);
    expect(row).toMatchObject({ status: "rejected", reason: "bad_signature", signatureValid: false, attempts: 0, canonical: null });
    // Anyone can send an unsigned request: its text is not kept, its hash and length are (#17).
    expect(row.rawBody).toBe("");
    expect(row.bodySha256).toBe(createHash("sha256").update(raw).digest("hex"));
    expect((await postIntake("shopify", raw, { unsigned: true })).status).toBe(401);
    expect(await countOrders(db)).toBe(0);
  });

  it("a malformed body is 400 with its payload id, stored exactly and dead-lettered as malformed_body", async () => {
    const db = getDb();
    const raw = '{"id": 123, "line_items": [';
    const res = await postIntake("shopify", raw);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ deadLetter: true, error: { code: "BAD_REQUEST" } });
    expect(await payloadRow(db, res.body.payloadId)).toMatchObject({ rawBody: raw, status: "dead_lettered", reason: "malformed_body" });

    // Even bytes Postgres text can't hold (NUL) are stored (NUL shown as U+FFFD; the hash is of the bytes).
    const nul = await postIntake("shopify", '{"id":\u0000}');
    expect(nul.status).toBe(400);
    expect(await payloadRow(db, nul.body.payloadId)).toMatchObject({ rawBody: '{"id":\uFFFD}', status: "dead_lettered" });
  });

  it("an unknown SKU is a 422 dead letter; after an alias, a replay accepts it and the order enters its workflow", async () => {
    const db = getDb();
    const body = editFixture("shopify-orders-create", { "line_items[0].sku": "FLT-CART-OLD" });
    const res = await postIntake("shopify", body);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      deadLetter: true,
      error: {
        code: "VALIDATION",
        fields: { "lines[0].sku": expect.stringContaining("FLT-CART-OLD") },
        reasons: [{ path: "lines[0].sku", code: "unknown_sku" }],
      },
    });
    expect(await payloadRow(db, res.body.payloadId)).toMatchObject({ status: "dead_lettered", reason: "unknown_sku", rawBody: body });
    expect(await countOrders(db)).toBe(0);

    const { saveSkuAlias } = await import("../sku-aliases");
    const { replayPayloads } = await import("../replay-payloads");
    const actor = { userId: "00000000-0000-4000-8000-000000000001", role: "admin" as const, customerId: null, email: "a@x" };
    const saved = await saveSkuAlias(db, { channel: "shopify", fromSku: "FLT-CART-OLD", toSku: "FLT-CART-3PK" }, actor, { now: new Date() });
    expect(saved.affectedPayloadIds).toEqual([res.body.payloadId]);
    const [replayed] = await replayPayloads(db, [res.body.payloadId], actor, { now: new Date() });
    expect(replayed).toMatchObject({ status: "accepted", action: "created", replayed: true });
    const orderId = (replayed as { orderId: string }).orderId;
    const { lines } = await orderWithLines(db, orderId);
    expect(lines.map((l) => l.sku)).toEqual(["BEAN-ESP-1KG", "FLT-CART-3PK"]);
    expect(await payloadRow(db, res.body.payloadId)).toMatchObject({ status: "accepted", replayCount: 1, orderId, rawBody: body });
    await harness.executor.waitForIdle();
    expect(announced(orderId)).toHaveLength(1);

    // The channel redelivering the same webhook now gets the original result.
    const again = await postIntake("shopify", body);
    expect(again).toMatchObject({ status: 200, body: { payloadId: res.body.payloadId, orderId } });
  });

  it("a replayed webhook returns the original result (200, Idempotent-Replayed) and creates nothing", async () => {
    const db = getDb();
    const raw = loadFixture("shopify-orders-create");
    const first = await postIntake("shopify", raw);
    const second = await postIntake("shopify", raw);
    expect(second.status).toBe(200);
    expect(second.headers.get("Idempotent-Replayed")).toBe("true");
    expect(second.body).toMatchObject({
      payloadId: first.body.payloadId,
      status: "accepted",
      orderId: first.body.orderId,
      duplicatePayloadId: expect.any(String),
    });
    expect(await countOrders(db)).toBe(1);
    expect(await payloadRow(db, second.body.duplicatePayloadId as string)).toMatchObject({
      status: "duplicate",
      duplicateOf: first.body.payloadId,
      orderId: first.body.orderId,
      rawBody: raw,
    });
  });

  it("concurrent identical posts create exactly one order; every answer names it", async () => {
    const db = getDb();
    const raw = loadFixture("bigcommerce-order");
    const results = await Promise.all(Array.from({ length: 6 }, () => postIntake("bigcommerce", raw)));
    expect(await countOrders(db)).toBe(1);
    const [order] = await db.select({ id: orders.id }).from(orders);
    expect(new Set(results.map((r) => r.body.orderId))).toEqual(new Set([order!.id]));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    const statuses = await db.select({ status: intakePayloads.status }).from(intakePayloads);
    expect(statuses.map((s) => s.status).sort()).toEqual(["accepted", "duplicate", "duplicate", "duplicate", "duplicate", "duplicate"]);
    expect((await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM customers`))[0]!.n).toBe(1);
  });

  it("a WooCommerce webhook-creation ping is acknowledged and stored as ignored", async () => {
    const res = await postIntake("woocommerce", "webhook_id=42", {
      unsigned: true,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(res).toMatchObject({ status: 200, body: { status: "ignored", reason: "webhook_ping" } });
    expect(await payloadRow(getDb(), res.body.payloadId)).toMatchObject({
      rawBody: "",
      bodySha256: createHash("sha256").update("webhook_id=42").digest("hex"),
      signatureValid: false,
      status: "ignored",
    });
  });

  it("an unknown channel is 404 and an unsellable SKU is a dead letter", async () => {
    expect((await postIntake("etsy", "{}", { unsigned: true })).status).toBe(404);
    const res = await postIntake("shopify", editFixture("shopify-orders-create", { "line_items[0].sku": "RETIRED-1" }));
    expect(res.body).toMatchObject({ error: { reasons: [{ code: "sku_not_sellable", path: "lines[0].sku" }] } });
  });

  it("credentials are not stored with the headers", async () => {
    const res = await postIntake("api", loadFixture("api-order"), { headers: { Authorization: "Bearer secret-token", Cookie: "a=b" } });
    const row = await payloadRow(getDb(), res.body.payloadId);
    expect(Object.keys(row.headers)).not.toContain("authorization");
    expect(Object.keys(row.headers)).not.toContain("cookie");
    expect(row.headers["x-replen-signature"]).toBeTruthy();
  });
});
