import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness";

/** Features the executor cannot honour must be refused at sync time, by name. */
describe("local executor ↔ real SDK: unsupported features are rejected at sync", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness("contract", (client) => [
      client.createFunction({ id: "fine", triggers: [{ event: "test/fine" }] }, async () => "ok"),
      client.createFunction({ id: "debounced", debounce: { period: "5s" }, triggers: [{ event: "test/debounced" }] }, async () => "never"),
      client.createFunction({ id: "rate-limited", rateLimit: { limit: 1, period: "1m" }, triggers: [{ event: "test/x" }] }, async () => "never"),
      client.createFunction(
        { id: "batched", batchEvents: { maxSize: 10, timeout: "5s", if: "event.data.big == true" }, triggers: [{ event: "test/x" }] },
        async () => "never",
      ),
      client.createFunction({ id: "throttled", throttle: { limit: 1, period: "1s" }, triggers: [{ event: "test/x" }] }, async () => "never"),
      client.createFunction({ id: "prioritised", priority: { run: "event.data.rank" }, triggers: [{ event: "test/x" }] }, async () => "never"),
      client.createFunction(
        { id: "clever-key", concurrency: { limit: 1, key: 'event.data.a + "-" + event.data.b' }, triggers: [{ event: "test/x" }] },
        async () => "never",
      ),
      client.createFunction({ id: "fancy-if", triggers: [{ event: "test/x", if: "size(event.data.items) > 2" }] }, async () => "never"),
    ]);
  });
  afterAll(() => h.close());

  it("returns each rejection from sync, naming function and feature, and logs it", async () => {
    const result = await h.executor.sync();
    expect(result.ok).toBe(false);
    expect(result.functions).toEqual(["contract-fine"]);
    const byFn = Object.fromEntries(result.rejections.map((r) => [r.functionId, r.feature]));
    expect(byFn).toEqual({
      "contract-debounced": "debounce",
      "contract-rate-limited": "rateLimit",
      "contract-batched": "batchEvents if",
      "contract-throttled": "throttle",
      "contract-prioritised": "priority",
      "contract-clever-key": "concurrency key",
      "contract-fancy-if": "trigger expression",
    });
    const debounce = result.rejections.find((r) => r.functionId === "contract-debounced");
    expect(debounce?.message).toMatch(/Function "contract-debounced" rejected .*debounce/);
    expect(h.logs.filter((l) => l.level === "error").map((l) => l.message)).toContain(debounce?.message);
  });

  it("exposes rejections over HTTP: POST /sync answers 422, /health is degraded", async () => {
    const sync = await fetch(`${h.executor.url}/sync`, { method: "POST" });
    expect(sync.status).toBe(422);
    const health = (await (await fetch(`${h.executor.url}/health`)).json()) as { status: string; rejections: unknown[] };
    expect(health.status).toBe("degraded");
    expect(health.rejections).toHaveLength(7);
  });

  it("does not run a rejected function, and says so when its event arrives", async () => {
    await h.client.send({ name: "test/debounced", data: {} });
    await h.client.send({ name: "test/fine", data: {} });
    await h.executor.waitForIdle();
    expect(h.executor.runs().map((r) => r.functionId)).toEqual(["contract-fine"]);
    expect(h.logs.some((l) => l.level === "warn" && l.message.includes("not delivered to rejected function contract-debounced"))).toBe(true);
  });
});
