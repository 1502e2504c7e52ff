import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postWebhook, resolveWebhookSecret, signBody, verifySignature } from "./webhook-action";

describe("webhook signing", () => {
  it("signs the exact body bytes as sha256=<hex HMAC>", () => {
    const body = '{"orderId":"a","total":1}';
    expect(signBody(body, "s3cret")).toBe(`sha256=${createHmac("sha256", "s3cret").update(body).digest("hex")}`);
    expect(verifySignature(body, signBody(body, "s3cret"), "s3cret")).toBe(true);
    expect(verifySignature(`${body} `, signBody(body, "s3cret"), "s3cret")).toBe(false);
    expect(verifySignature(body, undefined, "s3cret")).toBe(false);
  });

  it("resolves secrets by name from WEBHOOK_SECRET_* only", () => {
    const vars = { WEBHOOK_SECRET_WMS_EU: "wms", STRIPE_SECRET_KEY: "sk" };
    expect(resolveWebhookSecret("default", vars, "fallback")).toBe("fallback");
    expect(resolveWebhookSecret("wms-eu", vars, "fallback")).toBe("wms");
    expect(resolveWebhookSecret("STRIPE_SECRET_KEY", vars, "fallback")).toBeNull();
  });
});

describe("postWebhook against a real local receiver", () => {
  let server: http.Server;
  let base: string;
  const got: Array<{ path: string; body: string; headers: http.IncomingHttpHeaders }> = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        got.push({ path: req.url ?? "", body, headers: req.headers });
        if (req.url === "/slow") return void setTimeout(() => res.writeHead(200).end(), 1_000);
        res.writeHead(req.url === "/fail" ? 422 : 200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  const post = (path: string, timeoutMs = 2_000) =>
    postWebhook({ url: `${base}${path}`, payload: { orderId: "o1", n: 1 }, secret: "k", idempotencyKey: "order-o1-3-a_wms", timeoutMs });

  it("succeeds on 2xx with a verifiable signature and the idempotency key", async () => {
    expect(await post("/ok")).toEqual({ ok: true, detail: { status: 200 } });
    const last = got.at(-1)!;
    expect(JSON.parse(last.body)).toEqual({ orderId: "o1", n: 1 });
    expect(verifySignature(last.body, last.headers["x-replen-signature"] as string, "k")).toBe(true);
    expect(last.headers["x-replen-idempotency-key"]).toBe("order-o1-3-a_wms");
    expect(last.headers["content-type"]).toBe("application/json");
  });

  it("fails (retryable) on non-2xx, on timeout and when nobody listens", async () => {
    expect(await post("/fail")).toEqual({ ok: false, error: "http_422", retryable: true });
    expect(await post("/slow", 100)).toEqual({ ok: false, error: "timeout", retryable: true });
    expect(await postWebhook({ url: "http://127.0.0.1:1/x", payload: {}, secret: "k", idempotencyKey: "i", timeoutMs: 500 })).toEqual({
      ok: false,
      error: "network_error",
      retryable: true,
    });
  });
});
