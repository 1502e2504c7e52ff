import { NonRetriableError, RetryAfterError, type Inngest } from "inngest";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createProbes, type Probes } from "./contract-functions";
import { startHarness, type Harness } from "./harness";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

function failureFunctions(client: Inngest, probes: Probes, failures: unknown[]) {
  return [
    client.createFunction({ id: "flaky", retries: 3, triggers: [{ event: "test/flaky" }] }, async ({ attempt }) => {
      probes.hit("flaky");
      if (attempt < 2) throw new Error(`boom on attempt ${attempt}`);
      return { attempt };
    }),
    client.createFunction({ id: "flaky-step", retries: 2, triggers: [{ event: "test/flaky-step" }] }, async ({ step }) => {
      const value = await step.run("unstable", () => {
        if (probes.hit("flaky-step") < 3) throw new Error("step wobble");
        return "steady";
      });
      return step.run("after", () => `${value}!`);
    }),
    client.createFunction({ id: "fatal", retries: 5, triggers: [{ event: "test/fatal" }] }, async () => {
      probes.hit("fatal");
      throw new NonRetriableError("do not retry me");
    }),
    client.createFunction({ id: "later", retries: 2, triggers: [{ event: "test/later" }] }, async ({ attempt }) => {
      probes.hit("later");
      if (attempt === 0) throw new RetryAfterError("not yet", new Date(Date.now() + 400));
      return attempt;
    }),
    client.createFunction(
      {
        id: "doomed",
        retries: 1,
        triggers: [{ event: "test/doomed" }],
        onFailure: async ({ error, event }) => {
          failures.push({ message: error.message, functionId: event.data.function_id, original: event.data.event.data });
        },
      },
      async () => {
        probes.hit("doomed");
        throw new Error("always fails");
      },
    ),
    client.createFunction(
      { id: "serial", concurrency: { limit: 1, key: "event.data.orderId" }, triggers: [{ event: "test/serial" }] },
      async ({ event, step }) => {
        const key = String(event.data.orderId);
        await step.run("work", () => probes.overlap(`serial:${key}`, () => probes.overlap("serial:any", () => pause(60))));
        return key;
      },
    ),
    client.createFunction(
      {
        id: "cancellable",
        cancelOn: [{ event: "test/subscription.cancelled", match: "data.subscriptionId" }],
        triggers: [{ event: "test/subscription.started" }],
      },
      async ({ step }) => {
        await step.sleep("until-renewal", "1h");
        return "renewed";
      },
    ),
  ];
}

describe("local executor ↔ real SDK: failures, retries, concurrency", () => {
  const probes = createProbes();
  const failures: unknown[] = [];
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness("contract", (client) => failureFunctions(client, probes, failures));
    expect((await h.executor.sync()).ok).toBe(true);
  });
  afterAll(() => h.close());
  afterEach(() => {
    expect(h.executor.protocolIssues()).toEqual([]);
  });

  const finished = (functionId: string) =>
    h.executor.waitForRun((r) => r.functionId === functionId && ["completed", "failed", "cancelled"].includes(r.status), { timeoutMs: 8_000 });

  it("retries a failing function with exponential backoff until it succeeds", async () => {
    await h.client.send({ name: "test/flaky", data: {} });
    const run = await finished("contract-flaky");
    expect(run).toMatchObject({ status: "completed", output: { attempt: 2 }, attempts: 3, calls: 3 });
    expect(probes.count("flaky")).toBe(3);
    const [first, second, third] = run.timeline.map((t) => t.at);
    // Base 20ms: 20ms before attempt 2, 40ms before attempt 3.
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(15);
    expect((third ?? 0) - (second ?? 0)).toBeGreaterThanOrEqual(35);
  });

  it("retries a failing step on its own, without re-running finished work", async () => {
    await h.client.send({ name: "test/flaky-step", data: {} });
    const run = await finished("contract-flaky-step");
    expect(run).toMatchObject({ status: "completed", output: "steady!" });
    expect(probes.count("flaky-step")).toBe(3);
    const outcomes = run.timeline.map((t) => `${t.stepId === "step" ? "discover" : "step"}#${t.attempt} ${t.outcome.replace(/\(.*?\)/g, "")}`);
    expect(outcomes).toEqual([
      "discover#0 206 StepError",
      "step#1 206 StepError",
      "step#2 206 StepRun",
      "discover#0 206 StepRun",
      "discover#0 200 complete",
    ]);
  });

  it("does not retry NonRetriableError", async () => {
    await h.client.send({ name: "test/fatal", data: {} });
    const run = await finished("contract-fatal");
    expect(run).toMatchObject({ status: "failed", calls: 1, error: { name: "NonRetriableError", message: "do not retry me" } });
    expect(probes.count("fatal")).toBe(1);
  });

  it("honours RetryAfterError's retry-after instead of the backoff", async () => {
    await h.client.send({ name: "test/later", data: {} });
    const run = await finished("contract-later");
    expect(run).toMatchObject({ status: "completed", output: 1 });
    const [first, second] = run.timeline.map((t) => t.at);
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(300);
  });

  it("emits inngest/function.failed after the last attempt so onFailure runs", async () => {
    await h.client.send({ name: "test/doomed", data: { customer: "c-9" } });
    const run = await finished("contract-doomed");
    expect(run).toMatchObject({ status: "failed", attempts: 2, error: { message: "always fails" } });
    expect(probes.count("doomed")).toBe(2);
    // The SDK itself marked the last attempt final, so it saw ctx.max_attempts.
    expect(run.timeline.at(-1)?.outcome).toMatch(/^400 error \(no retry\)/);
    const handler = await finished("contract-doomed-failure");
    expect(handler.status).toBe("completed");
    expect(handler.event).toMatchObject({ name: "inngest/function.failed", data: { function_id: "contract-doomed", run_id: run.id } });
    expect(failures).toEqual([{ message: "always fails", functionId: "contract-doomed", original: { customer: "c-9" } }]);
  });

  it("limits concurrency to 1 per key while different keys run in parallel", async () => {
    await h.client.send(["A", "A", "A", "B", "B", "B"].map((orderId) => ({ name: "test/serial", data: { orderId } })));
    await h.executor.waitForIdle();
    const runs = h.executor.runs({ functionId: "contract-serial" });
    expect(runs.map((r) => r.status)).toEqual(Array(6).fill("completed"));
    expect(probes.maxActive.get("serial:A")).toBe(1);
    expect(probes.maxActive.get("serial:B")).toBe(1);
    expect(probes.maxActive.get("serial:any")).toBe(2);
  });

  it("cancelOn cancels a matching run and emits inngest/function.cancelled", async () => {
    await h.client.send([
      { name: "test/subscription.started", data: { subscriptionId: "s-1" } },
      { name: "test/subscription.started", data: { subscriptionId: "s-2" } },
    ]);
    await h.executor.waitForRun((r) => r.functionId === "contract-cancellable" && r.event.data.subscriptionId === "s-2" && r.status === "sleeping");
    await h.client.send({ name: "test/subscription.cancelled", data: { subscriptionId: "s-1" } });
    const runs = h.executor.runs({ functionId: "contract-cancellable" });
    expect(runs.map((r) => [r.event.data.subscriptionId, r.status])).toEqual([
      ["s-1", "cancelled"],
      ["s-2", "sleeping"],
    ]);
    expect(h.executor.events().filter((e) => e.name === "inngest/function.cancelled")).toHaveLength(1);
    await h.client.send({ name: "test/subscription.cancelled", data: { subscriptionId: "s-2" } });
    await h.executor.waitForIdle();
  });
});
