import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { GET as detailGET } from "@/app/api/v1/subscriptions/[id]/route";
import { POST as pausePOST } from "@/app/api/v1/subscriptions/[id]/pause/route";
import { createSubscription } from "@/server/subscriptions/create-subscription";
import { createApiToken } from "@/server/auth/api-tokens";
import { createInput, makeCustomer, makeProduct, subscriptionRow } from "@/test/support/subscriptions/factories";
import { env } from "@/server/env";
import { browserRequest, sessionCookie } from "../support/browser-request";

/**
 * Finding 4 of the security review (#17): CSRF rested on SameSite alone — a same-site page
 * paused a customer's subscription 2 of 2 times, and any content type was parsed as JSON.
 * Cookie-authenticated mutations now need the app's own Origin (or Sec-Fetch-Site:
 * same-origin) and Content-Type: application/json; bearer-token calls are unaffected.
 */
async function activeSubscription() {
  const db = getDb();
  const customer = await makeCustomer(db);
  const product = await makeProduct(db);
  const { subscription } = await createSubscription(db, customer.actor, createInput(product.id), new Date());
  const cookie = await sessionCookie(customer.user.id, env().NEXTAUTH_SECRET);
  return { ...customer, id: subscription.id, cookie };
}

const pause = (id: string, req: Request) => pausePOST(req, { params: Promise.resolve({ id }) });

async function refusal(res: Response) {
  expect(res.status).toBe(403);
  const body = (await res.json()) as { error: { code: string; message: string; fields: Record<string, string> } };
  expect(body.error.code).toBe("FORBIDDEN");
  return body.error;
}

describe("CSRF: cookie-authenticated mutations must come from the app's own pages, as JSON", () => {
  it("a cross-site page's POST with the victim's cookie is refused with a reason, and nothing is written", async () => {
    const s = await activeSubscription();
    const forged = browserRequest(`/api/v1/subscriptions/${s.id}/pause`, {
      cookie: s.cookie,
      body: {},
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect((await refusal(await pause(s.id, forged))).message).toContain("Cross-origin request refused");
    expect((await subscriptionRow(getDb(), s.id)).status).toBe("active");
  });

  it("a same-site (other subdomain) page is refused too: SameSite=Lax would have let it through", async () => {
    const s = await activeSubscription();
    const sameSite = browserRequest(`/api/v1/subscriptions/${s.id}/pause`, {
      cookie: s.cookie,
      body: {},
      headers: { origin: "http://shop.localhost", "sec-fetch-site": "same-site" },
    });
    expect((await refusal(await pause(s.id, sameSite))).fields).toHaveProperty("sec-fetch-site");
    // A browser without Fetch Metadata: only Origin says where it came from.
    const oldBrowser = browserRequest(`/api/v1/subscriptions/${s.id}/pause`, {
      cookie: s.cookie,
      body: {},
      headers: { origin: "http://shop.localhost", "sec-fetch-site": null },
    });
    expect((await refusal(await pause(s.id, oldBrowser))).fields).toHaveProperty("origin");
    const noOrigin = browserRequest(`/api/v1/subscriptions/${s.id}/pause`, {
      cookie: s.cookie,
      body: {},
      headers: { origin: null, "sec-fetch-site": null },
    });
    expect((await refusal(await pause(s.id, noOrigin))).fields).toHaveProperty("origin");
    expect((await subscriptionRow(getDb(), s.id)).status).toBe("active");
  });

  it("a text/plain POST (what a cross-site form or no-cors fetch can send) is refused, even from our origin", async () => {
    const s = await activeSubscription();
    const plain = browserRequest(`/api/v1/subscriptions/${s.id}/pause`, {
      cookie: s.cookie,
      rawBody: "{}",
      headers: { "content-type": "text/plain" },
    });
    expect((await refusal(await pause(s.id, plain))).fields).toHaveProperty("content-type");
    const form = browserRequest(`/api/v1/subscriptions/${s.id}/pause`, {
      cookie: s.cookie,
      rawBody: "until=2030-01-01",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    await refusal(await pause(s.id, form));
    expect((await subscriptionRow(getDb(), s.id)).status).toBe("active");
  });

  it("the app's own fetch passes: Sec-Fetch-Site same-origin, or a matching Origin, with JSON (body or not)", async () => {
    const s = await activeSubscription();
    const ours = await pause(s.id, browserRequest(`/api/v1/subscriptions/${s.id}/pause`, { cookie: s.cookie, body: {} }));
    expect(ours.status).toBe(200);
    expect((await subscriptionRow(getDb(), s.id)).status).toBe("paused");

    const t = await activeSubscription();
    const originOnly = browserRequest(`/api/v1/subscriptions/${t.id}/pause`, {
      cookie: t.cookie,
      rawBody: "",
      headers: { "sec-fetch-site": null, "content-type": "application/json; charset=utf-8" },
    });
    expect((await pause(t.id, originOnly)).status).toBe(200);
  });

  it("reads are not affected: a cross-site GET is answered (the browser keeps the answer from the other site)", async () => {
    const s = await activeSubscription();
    const get = browserRequest(`/api/v1/subscriptions/${s.id}`, {
      cookie: s.cookie,
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect((await detailGET(get, { params: Promise.resolve({ id: s.id }) })).status).toBe(200);
  });

  it("bearer-token calls are unaffected: no Origin, no JSON content type needed", async () => {
    const s = await activeSubscription();
    const { token } = await createApiToken(getDb(), s.user.id, "cli", new Date());
    const req = new Request(`http://localhost/api/v1/subscriptions/${s.id}/pause`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/plain", origin: "https://elsewhere.example" },
      body: "",
    });
    expect((await pause(s.id, req)).status).toBe(200);
    expect((await subscriptionRow(getDb(), s.id)).status).toBe("paused");
  });
});
