import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness";

/** `batchEvents` and the global in-flight cap, driven through the real SDK over HTTP. */
describe("local executor ↔ real SDK: event batching and backpressure", () => {
  let h: Harness;
  let inFlight = 0;
  let peak = 0;

  beforeAll(async () => {
    h = await startHarness(
      "contract",
      (client) => [
        client.createFunction(
          { id: "batched", batchEvents: { maxSize: 5, timeout: "1s" }, triggers: [{ event: "test/batched" }] },
          async ({ events, step }) => step.run("sum", async () => events.map((e: { data: unknown }) => (e.data as { n: number }).n)),
        ),
        client.createFunction(
          { id: "keyed", batchEvents: { maxSize: 10, timeout: "1s", key: "event.data.group" }, triggers: [{ event: "test/keyed" }] },
          async ({ events }) => events.map((e: { data: unknown }) => (e.data as { group: string }).group),
        ),
        client.createFunction({ id: "slow", triggers: [{ event: "test/slow" }] }, async () => {
          inFlight++;
          peak = Math.max(peak, inFlight);
          await new Promise((r) => setTimeout(r, 30));
          inFlight--;
          return "done";
        }),
      ],
      { maxInFlight: 3 },
    );
    const sync = await h.executor.sync();
    expect(sync.ok).toBe(true);
  });
  afterAll(() => h.close());

  const outputs = (functionId: string) => h.executor.runs({ functionId, status: "completed" }).map((r) => r.output);

  it("starts a run per maxSize events, and one for the remainder after the timeout", async () => {
    await h.client.send(Array.from({ length: 12 }, (_, n) => ({ name: "test/batched", data: { n } })));
    await h.executor.waitForIdle({ timeoutMs: 5_000 });
    const runs = h.executor.runs({ functionId: "contract-batched" });
    expect(runs.map((r) => r.batchSize).sort()).toEqual([2, 5, 5]);
    expect((outputs("contract-batched") as number[][]).flat().sort((a, b) => a - b)).toEqual([...Array(12).keys()]);
  });

  it("batches per key", async () => {
    await h.client.send(["a", "b", "a", "b", "a"].map((group) => ({ name: "test/keyed", data: { group } })));
    await h.executor.waitForIdle({ timeoutMs: 5_000 });
    expect((outputs("contract-keyed") as string[][]).map((g) => g.join("")).sort()).toEqual(["aaa", "bb"]);
  });

  it("never has more calls in flight than maxInFlight, however many runs are queued", async () => {
    await h.client.send(Array.from({ length: 20 }, () => ({ name: "test/slow", data: {} })));
    await h.executor.waitForIdle({ timeoutMs: 10_000 });
    expect(h.executor.runs({ functionId: "contract-slow", status: "completed" })).toHaveLength(20);
    expect(peak).toBeGreaterThan(1);
    expect(peak).toBeLessThanOrEqual(3);
  });
});
