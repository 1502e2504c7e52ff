import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createTestGateway } from "./test-gateway";
import { TEST_CARDS } from "./test-cards";

const req = (card: string, key: string, orderId = "order-a") => ({
  orderId,
  amountMinor: 1_000,
  currency: "USD",
  paymentMethod: { token: card },
  idempotencyKey: key,
});

describe("test gateway (ledger in Postgres)", () => {
  it("approves, declines and fails by card number", async () => {
    const g = createTestGateway(getDb());
    expect(await g.authorize(req(TEST_CARDS.approve, "k1"))).toMatchObject({ status: "approved", ref: expect.stringMatching(/^tg_/) });
    expect(await g.authorize(req(TEST_CARDS.decline, "k2"))).toEqual({ status: "declined", code: "card_declined", retryable: true });
    expect(await g.authorize(req(TEST_CARDS.alwaysError, "k3"))).toEqual({ status: "error", code: "processing_error" });
    expect(await g.authorize(req("not-a-card", "k4"))).toEqual({ status: "declined", code: "invalid_card", retryable: false });
  });

  it("4000000000009995 fails transiently twice per order, then approves — across gateway instances", async () => {
    const orderId = "order-transient";
    const outcomes = [];
    for (let i = 1; i <= 3; i++)
      outcomes.push((await createTestGateway(getDb()).authorize(req(TEST_CARDS.transientTwice, `t-${i}`, orderId))).status);
    expect(outcomes).toEqual(["error", "error", "approved"]);
  });

  it("replays the recorded outcome for a repeated idempotency key", async () => {
    const g = createTestGateway(getDb());
    const first = await g.authorize(req(TEST_CARDS.approve, "same-key", "order-r"));
    expect(await g.authorize(req(TEST_CARDS.decline, "same-key", "order-r"))).toEqual(first);
  });

  it("captures an authorization once; 4000000000000341 declines the capture", async () => {
    const g = createTestGateway(getDb());
    const ok = await g.authorize(req(TEST_CARDS.approve, "c1", "order-c"));
    if (ok.status !== "approved") throw new Error("expected approval");
    expect(await g.capture({ orderId: "order-c", ref: ok.ref, amountMinor: 1_000, idempotencyKey: "cap-1" })).toEqual({
      status: "approved",
      ref: ok.ref,
    });
    const bad = await g.authorize(req(TEST_CARDS.captureDecline, "c2", "order-d"));
    if (bad.status !== "approved") throw new Error("expected approval");
    expect(await g.capture({ orderId: "order-d", ref: bad.ref, amountMinor: 1_000, idempotencyKey: "cap-2" })).toEqual({
      status: "declined",
      code: "capture_declined",
      retryable: true,
    });
    expect(await g.void({ orderId: "x", ref: "tg_missing", amountMinor: 1, idempotencyKey: "v-1" })).toEqual({
      status: "declined",
      code: "no_such_authorization",
      retryable: false,
    });
  });
});
