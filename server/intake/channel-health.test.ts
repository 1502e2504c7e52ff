import { describe, expect, it } from "vitest";
import { judge } from "./channel-health";

const facts = { lagSeconds: 60, sinceCreatedSeconds: 86_400, failures: 0, missed: 0, reconcileError: null, quietAfterSeconds: 3600 };

describe("channel health status", () => {
  it("ok while webhooks arrive", () => expect(judge("shopify", facts).status).toBe("ok"));
  it("quiet after the threshold, or never delivered since the store was connected", () => {
    expect(judge("shopify", { ...facts, lagSeconds: 7200 })).toMatchObject({ status: "quiet", detail: "No webhook delivery for 120 minutes" });
    expect(judge("woocommerce", { ...facts, lagSeconds: null }).status).toBe("quiet");
    expect(judge("woocommerce", { ...facts, lagSeconds: null, sinceCreatedSeconds: 60 }).status).toBe("ok");
  });
  it("Amazon has no webhooks: never quiet", () => expect(judge("amazon", { ...facts, lagSeconds: null }).status).toBe("ok"));
  it("misses outrank failures, failures outrank quiet", () => {
    expect(judge("shopify", { ...facts, missed: 2, failures: 3, lagSeconds: 99_999 }).status).toBe("missing_webhooks");
    expect(judge("shopify", { ...facts, failures: 1, lagSeconds: 99_999 }).status).toBe("failing");
    expect(judge("shopify", { ...facts, reconcileError: "GET /orders.json answered HTTP 401 Unauthorized" }).detail).toContain("401");
  });
});
