import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { GET as openapiGET } from "@/app/api/v1/openapi.json/route";
import { GET as ordersGET } from "@/app/api/v1/orders/route";
import { POST as previewPOST } from "@/app/api/v1/schedules/preview/route";
import { GET as detailGET, PATCH as detailPATCH } from "@/app/api/v1/subscriptions/[id]/route";
import { POST as cancelPOST } from "@/app/api/v1/subscriptions/[id]/cancel/route";
import { POST as orderNowPOST } from "@/app/api/v1/subscriptions/[id]/order-now/route";
import { POST as pausePOST } from "@/app/api/v1/subscriptions/[id]/pause/route";
import { POST as resumePOST } from "@/app/api/v1/subscriptions/[id]/resume/route";
import { POST as skipPOST } from "@/app/api/v1/subscriptions/[id]/skip/route";
import { POST as swapPOST } from "@/app/api/v1/subscriptions/[id]/swap/route";
import { GET as swapOptionsGET } from "@/app/api/v1/subscriptions/[id]/swap-options/route";
import { POST as addonPOST } from "@/app/api/v1/subscriptions/[id]/addons/route";
import { POST as addonRemovePOST } from "@/app/api/v1/subscriptions/[id]/addons/remove/route";
import { putProductSwaps } from "@/server/subscriptions/put-product-swaps";
import { GET as listGET, POST as createPOST } from "@/app/api/v1/subscriptions/route";
import { POST as tokensPOST } from "@/app/api/v1/tokens/route";
import { createApiToken } from "@/server/auth/api-tokens";
import { makeCustomer, makeProduct, startEventSink } from "@/test/support/subscriptions/factories";

let sink: Awaited<ReturnType<typeof startEventSink>>;
beforeAll(async () => {
  sink = await startEventSink();
});
afterAll(async () => {
  await sink.close();
});

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

/** Calls an exported route handler the way Next does: a Request and a params promise. */
async function call<P = Record<string, string>>(
  handler: Handler<P>,
  token: string | null,
  opts: { method?: string; body?: unknown; rawBody?: string; params?: P; path?: string } = {},
) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const req = new Request(`http://localhost/api/v1${opts.path ?? "/"}`, {
    method: opts.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
  });
  const res = await handler(req, { params: Promise.resolve((opts.params ?? {}) as P) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> & { error?: { code: string; fields?: Record<string, string> } } };
}

/** The next Jan 31 strictly after today, so the test keeps meaning the same thing next year. */
function nextJan31(today = new Date()): string {
  const year = today.getUTCFullYear();
  return today.getUTCMonth() === 0 && today.getUTCDate() < 30 ? `${year}-01-31` : `${year + 1}-01-31`;
}

async function customerWithToken() {
  const db = getDb();
  const customer = await makeCustomer(db);
  const { token } = await createApiToken(db, customer.user.id, "test", new Date());
  return { ...customer, token };
}

describe("REST API v1 with a Bearer token", () => {
  it("previews Jan 31 → Feb 28 → Mar 31 in New York, as local dates and UTC instants", async () => {
    const { token } = await customerWithToken();
    const start = nextJan31();
    const year = Number(start.slice(0, 4));
    const res = await call(previewPOST, token, {
      body: { frequency: "monthly", startDate: start, timeZone: "America/New_York", localTime: "09:00", count: 3 },
    });
    expect(res.status).toBe(200);
    const feb = year % 4 === 0 ? 29 : 28;
    expect(res.json.occurrences).toEqual([
      { index: 0, localDate: `${year}-01-31`, at: `${year}-01-31T14:00:00.000Z` },
      { index: 1, localDate: `${year}-02-${feb}`, at: `${year}-02-${feb}T14:00:00.000Z` },
      { index: 2, localDate: `${year}-03-31`, at: `${year}-03-31T13:00:00.000Z` },
    ]);
    const bad = await call(previewPOST, token, { body: { frequency: "fortnightly", startDate: "2027-02-30", timeZone: "Mars/Olympus" } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.error?.fields ?? {}).sort()).toEqual(["frequency", "startDate", "timeZone"]);
  });

  it("runs the lifecycle: create (201 + first order), pause, resume, skip, change, order now, cancel", async () => {
    const { token } = await customerWithToken();
    const product = await makeProduct(getDb());
    const created = await call(createPOST, token, { body: { productId: product.id, quantity: 1, frequency: "monthly", startDate: nextJan31() } });
    expect(created.status).toBe(201);
    const subscription = created.json.subscription as { id: string; status: string };
    expect(subscription.status).toBe("active");
    expect(created.json.firstOrderId).toEqual(expect.any(String));
    const params = { id: subscription.id };

    expect((await call(pausePOST, token, { params, rawBody: "" })).json.subscription).toMatchObject({ status: "paused" });
    expect((await call(pausePOST, token, { params, body: {} })).status).toBe(409);
    expect((await call(resumePOST, token, { params, rawBody: "" })).json.subscription).toMatchObject({ status: "active" });
    expect((await call(skipPOST, token, { params, rawBody: "" })).json.subscription).toMatchObject({ next: { cycleIndex: 2 } });
    expect((await call(detailPATCH, token, { params, method: "PATCH", body: { quantity: 3 } })).json.subscription).toMatchObject({ quantity: 3 });
    expect((await call(detailPATCH, token, { params, method: "PATCH", body: {} })).status).toBe(422);

    const ordered = await call(orderNowPOST, token, { params, rawBody: "" });
    expect(ordered.status).toBe(201);
    const cancelled = await call(cancelPOST, token, { params, body: { reason: "moving" } });
    expect(cancelled.json.subscription).toMatchObject({ status: "cancelled" });

    const detail = await call(detailGET, token, { params });
    expect(detail.status).toBe(200);
    expect((detail.json.activity as Array<{ action: string }>).map((a) => a.action)).toEqual(
      expect.arrayContaining(["created", "paused", "resumed", "skipped", "quantity_changed", "order_now", "cancelled"]),
    );
    const orders = await call(ordersGET, token, { path: `/orders?subscriptionId=${subscription.id}` });
    expect((orders.json.orders as Array<{ kind: string }>).map((o) => o.kind).sort()).toEqual(["order_now", "subscription"]);
    expect(((await call(listGET, token)).json.subscriptions as unknown[]).length).toBe(1);
  });

  it("returns 400 for malformed JSON and 422 with field errors for bad input", async () => {
    const { token } = await customerWithToken();
    const malformed = await call(createPOST, token, { rawBody: "{nope" });
    expect(malformed.status).toBe(400);
    const invalid = await call(createPOST, token, {
      body: { productId: "00000000-0000-4000-8000-000000000000", quantity: 0, frequency: "monthly", startDate: "2020-01-01" },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.json.error?.fields).toEqual({ quantity: "Quantity must be at least 1" });
    const dbChecks = await call(createPOST, token, {
      body: { productId: "00000000-0000-4000-8000-000000000000", quantity: 1, frequency: "monthly", startDate: "2020-01-01" },
    });
    expect(dbChecks.status).toBe(422);
    expect(dbChecks.json.error?.fields).toEqual({ productId: "This product doesn't exist", startDate: "Start date can't be in the past" });
  });

  it("hides other customers' subscriptions (404) and refuses bad tokens (401) and staff (403)", async () => {
    const owner = await customerWithToken();
    const stranger = await customerWithToken();
    const product = await makeProduct(getDb());
    const created = await call(createPOST, owner.token, {
      body: { productId: product.id, quantity: 1, frequency: "weekly", startDate: nextJan31() },
    });
    const params = { id: (created.json.subscription as { id: string }).id };

    for (const handler of [detailGET, pausePOST, cancelPOST, orderNowPOST] as Array<Handler<{ id: string }>>) {
      const res = await call(handler, stranger.token, { params, rawBody: handler === detailGET ? undefined : "" });
      expect(res.status).toBe(404);
    }
    expect((await call(detailGET, stranger.token, { params: { id: "../../etc" } })).status).toBe(404);
    expect((await call(listGET, "rpl_not-a-real-token")).status).toBe(401);

    const staff = await makeCustomer(getDb(), { role: "merchandiser" });
    const { token: staffToken } = await createApiToken(getDb(), staff.user.id, "staff", new Date());
    expect((await call(listGET, staffToken)).status).toBe(403);
  });

  it("creates a token that then authenticates", async () => {
    const { token } = await customerWithToken();
    const res = await call(tokensPOST, token, { body: { name: "laptop" } });
    expect(res.status).toBe(201);
    const fresh = res.json.token as string;
    expect((await call(listGET, fresh)).status).toBe(200);
    expect((await call(tokensPOST, token, { body: { name: "" } })).json.error?.fields).toEqual({ name: "Name the token" });
  });

  it("serves an OpenAPI 3.1 document generated from the schemas", async () => {
    const res = await openapiGET();
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/schedules/preview", "/subscriptions", "/subscriptions/{id}/pause", "/tokens"]));
    expect(doc.components.schemas).toHaveProperty("CreateSubscriptionRequest.properties.startDate.format", "date");
    expect(doc.components.schemas).toHaveProperty("Subscription.properties.status.enum", ["active", "paused", "cancelled", "completed"]);
  });

  it("swap and add-on routes: a disallowed swap is a 422 on productId, allowed ones and add-ons show on the detail", async () => {
    const db = getDb();
    const { token } = await customerWithToken();
    const product = await makeProduct(db, { name: "Route beans" });
    const other = await makeProduct(db, { name: "Route decaf" });
    const extra = await makeProduct(db, { name: "Route filters", priceMinor: 300 });
    const staff = await makeCustomer(db, { role: "merchandiser" });
    await putProductSwaps(db, staff.user.id, product.id, { toProductIds: [other.id] }, new Date());
    const created = await call(createPOST, token, { body: { productId: product.id, quantity: 1, frequency: "monthly", startDate: nextJan31() } });
    const params = { id: (created.json.subscription as { id: string }).id };

    expect((await call(swapOptionsGET, token, { params })).json).toMatchObject({ options: [{ id: other.id, name: "Route decaf" }] });
    const refused = await call(swapPOST, token, { params, body: { productId: extra.id, scope: "once" } });
    expect(refused.status).toBe(422);
    expect(refused.json.error?.fields).toHaveProperty("productId");
    expect((await call(swapPOST, token, { params, body: { productId: other.id, scope: "sometimes" } })).status).toBe(422);
    expect((await call(swapPOST, token, { params, body: { productId: other.id, scope: "once" } })).status).toBe(200);
    expect((await call(addonPOST, token, { params, body: { productId: extra.id, quantity: 2 } })).status).toBe(200);

    const detail = await call(detailGET, token, { params });
    const upcoming = detail.json.upcoming as Array<{ cycleIndex: number; swapped: boolean; addons: Array<{ name: string; quantity: number }> }>;
    const next = upcoming.find((c) => c.swapped)!;
    expect(next.addons).toEqual([expect.objectContaining({ name: "Route filters", quantity: 2 })]);
    expect(upcoming.filter((c) => c.addons.length > 0)).toHaveLength(1);

    const removed = await call(addonRemovePOST, token, { params, body: { cycleIndex: next.cycleIndex, productId: extra.id } });
    expect(removed.status).toBe(200);
    const locked = await call(addonRemovePOST, token, { params, body: { cycleIndex: 0, productId: extra.id } });
    expect(locked.status).toBe(409);
  });
});
