import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createStripeGateway } from "./stripe-gateway";

type Seen = { method: string; path: string; headers: http.IncomingHttpHeaders; form: URLSearchParams };

/**
 * A local HTTP server impersonating the Stripe endpoints the adapter calls, with Stripe's
 * response shapes (PaymentIntent objects; `{ error: { type, code, decline_code } }` on 402).
 * It also replays responses per Idempotency-Key, like Stripe does.
 */
describe("Stripe gateway (against a local Stripe impersonator)", () => {
  const seen: Seen[] = [];
  const replies = new Map<string, { status: number; body: unknown }>();
  let next: (s: Seen) => { status: number; body: unknown } = () => ({ status: 500, body: {} });
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let raw = "";
      req.on("data", (c: Buffer) => (raw += c.toString()));
      req.on("end", () => {
        const s: Seen = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, form: new URLSearchParams(raw) };
        seen.push(s);
        const key = String(req.headers["idempotency-key"] ?? "");
        const reply = replies.get(key) ?? next(s);
        if (key && reply.status < 500) replies.set(key, reply);
        res.writeHead(reply.status, { "Content-Type": "application/json" }).end(JSON.stringify(reply.body));
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => {
    seen.length = 0;
    replies.clear();
  });

  const gateway = () => createStripeGateway({ secretKey: "sk_test_123", apiBase: base, timeoutMs: 2_000 });
  const auth = {
    orderId: "ord-1",
    amountMinor: 12_345,
    currency: "EUR",
    paymentMethod: { token: "pm_card_visa", providerCustomerId: "cus_42" },
    idempotencyKey: "order-1-0-a-1",
  };

  it("authorizes with a manual-capture PaymentIntent confirmed off-session", async () => {
    next = () => ({ status: 200, body: { id: "pi_123", object: "payment_intent", status: "requires_capture" } });
    expect(await gateway().authorize(auth)).toEqual({ status: "approved", ref: "pi_123" });
    const [req] = seen;
    expect(req).toMatchObject({ method: "POST", path: "/v1/payment_intents" });
    expect(req!.headers.authorization).toBe("Bearer sk_test_123");
    expect(req!.headers["idempotency-key"]).toBe("order-1-0-a-1");
    expect(req!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(req!.form)).toEqual({
      amount: "12345",
      currency: "eur",
      payment_method: "pm_card_visa",
      customer: "cus_42",
      capture_method: "manual",
      confirm: "true",
      off_session: "true",
      "metadata[order_id]": "ord-1",
    });
  });

  it("a repeated idempotency key gets Stripe's stored answer, not a second charge", async () => {
    let created = 0;
    next = () => ({ status: 200, body: { id: `pi_${++created}`, status: "requires_capture" } });
    const g = gateway();
    expect(await g.authorize(auth)).toEqual({ status: "approved", ref: "pi_1" });
    expect(await g.authorize(auth)).toEqual({ status: "approved", ref: "pi_1" });
    expect(created).toBe(1);
  });

  it("maps a card error (402) to a decline and 5xx / 429 / no answer to transient errors", async () => {
    next = () => ({ status: 402, body: { error: { type: "card_error", code: "card_declined", decline_code: "insufficient_funds" } } });
    expect(await gateway().authorize(auth)).toEqual({ status: "declined", code: "insufficient_funds", retryable: true });
    next = () => ({ status: 402, body: { error: { type: "card_error", code: "expired_card" } } });
    expect(await gateway().authorize({ ...auth, idempotencyKey: "k2" })).toEqual({ status: "declined", code: "expired_card", retryable: false });
    next = () => ({ status: 503, body: { error: { type: "api_error" } } });
    expect(await gateway().authorize({ ...auth, idempotencyKey: "k3" })).toEqual({ status: "error", code: "http_503" });
    next = () => ({ status: 429, body: {} });
    expect(await gateway().authorize({ ...auth, idempotencyKey: "k4" })).toEqual({ status: "error", code: "http_429" });
    const down = createStripeGateway({ secretKey: "sk", apiBase: "http://127.0.0.1:1", timeoutMs: 500 });
    expect(await down.authorize(auth)).toEqual({ status: "error", code: "network_error" });
  });

  it("an intent that needs customer action (3-D Secure) is not an authorization", async () => {
    next = () => ({ status: 200, body: { id: "pi_9", status: "requires_action" } });
    expect(await gateway().authorize(auth)).toEqual({ status: "declined", code: "unexpected_status_requires_action", retryable: false });
  });

  it("captures, cancels and refunds the PaymentIntent", async () => {
    const g = gateway();
    next = (s) =>
      s.path.endsWith("/capture")
        ? { status: 200, body: { id: "pi_1", status: "succeeded" } }
        : s.path.endsWith("/cancel")
          ? { status: 200, body: { id: "pi_1", status: "canceled" } }
          : { status: 200, body: { id: "re_1", object: "refund", status: "succeeded" } };
    const ref = { orderId: "ord-1", ref: "pi_1", amountMinor: 500, idempotencyKey: "cap-1" };
    expect(await g.capture(ref)).toEqual({ status: "approved", ref: "pi_1" });
    expect(await g.void({ ...ref, idempotencyKey: "void-1" })).toEqual({ status: "approved", ref: "pi_1" });
    expect(await g.refund({ ...ref, idempotencyKey: "ref-1" })).toEqual({ status: "approved", ref: "re_1" });
    expect(seen.map((s) => s.path)).toEqual(["/v1/payment_intents/pi_1/capture", "/v1/payment_intents/pi_1/cancel", "/v1/refunds"]);
    expect(Object.fromEntries(seen[0]!.form)).toEqual({ amount_to_capture: "500" });
    expect(Object.fromEntries(seen[2]!.form)).toEqual({ payment_intent: "pi_1", amount: "500" });
  });
});
