import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createProbes, stepFunctions } from "./contract-functions";
import { startHarness, type Harness } from "./harness";

/**
 * Contract tests: real `inngest@4.24.0` functions served by `inngest/node`,
 * driven over HTTP by the local executor. If the SDK's protocol moves, these
 * fail — through the assertions below or the protocol-issue check after each.
 */
describe("local executor ↔ real SDK: steps", () => {
  const probes = createProbes();
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness("contract", (client) => stepFunctions(client, probes));
    const result = await h.executor.sync();
    expect(result).toMatchObject({ ok: true, appId: "contract", rejections: [] });
  });
  afterAll(() => h.close());
  afterEach(() => {
    expect(h.executor.protocolIssues()).toEqual([]);
  });

  const finished = (functionId: string) =>
    h.executor.waitForRun((r) => r.functionId === functionId && ["completed", "failed", "cancelled"].includes(r.status), { timeoutMs: 8_000 });

  it("in-band sync registers every function with its triggers", () => {
    const fns = h.executor.functions();
    expect(fns.map((f) => f.id).sort()).toEqual(
      [
        "await-if",
        "await-payment",
        "child",
        "fan-out",
        "fanned",
        "hello",
        "memo",
        "nightly",
        "once-per-order",
        "parallel",
        "parent",
        "race",
        "sleep-until",
        "sleeper",
        "vip-only",
      ]
        .map((id) => `contract-${id}`)
        .sort(),
    );
    expect(fns.find((f) => f.id === "contract-hello")).toMatchObject({ triggers: ["test/hello"], maxAttempts: 4 });
    expect(fns.find((f) => f.id === "contract-nightly")).toMatchObject({ triggers: [], crons: ["TZ=Europe/Berlin 0 3 * * *"] });
  });

  it("an event sent with the SDK client triggers the function", async () => {
    const { ids } = await h.client.send({ name: "test/hello", data: { name: "ada" } });
    expect(ids).toHaveLength(1);
    const run = await finished("contract-hello");
    expect(run).toMatchObject({ status: "completed", output: { greeting: "hi ada" }, event: { id: ids[0], name: "test/hello" } });
  });

  it("evaluates trigger `if` expressions", async () => {
    await h.client.send([
      { name: "test/customer", data: { name: "plain", vip: false } },
      { name: "test/customer", data: { name: "gold", vip: true } },
    ]);
    await h.executor.waitForIdle();
    const runs = h.executor.runs({ functionId: "contract-vip-only" });
    expect(runs.map((r) => r.output)).toEqual(["gold"]);
  });

  it("idempotency keys start one run per key", async () => {
    await h.client.send(["o-1", "o-2", "o-1"].map((orderId) => ({ name: "test/confirm", data: { orderId } })));
    await h.executor.waitForIdle();
    expect(h.executor.runs({ functionId: "contract-once-per-order" }).map((r) => r.output)).toEqual(["o-1", "o-2"]);
  });

  it("memoises step.run: each step body runs once while the function is re-entered", async () => {
    await h.client.send({ name: "test/memo", data: {} });
    const run = await finished("contract-memo");
    expect(run.output).toEqual({ a: 1, b: 2 });
    expect(probes.count("memo:a")).toBe(1);
    expect(probes.count("memo:b")).toBe(1);
    expect(probes.count("memo:fn")).toBe(3);
    expect(run.completedSteps).toHaveLength(2);
  });

  it("runs Promise.all steps as parallel planned steps", async () => {
    await h.client.send({ name: "test/parallel", data: {} });
    const run = await finished("contract-parallel");
    expect(run.output).toBe(6);
    for (const id of ["x", "y", "z"]) expect(probes.count(`parallel:${id}`)).toBe(1);
    expect(probes.maxActive.get("parallel")).toBeGreaterThanOrEqual(2);
    expect(run.timeline[0]?.outcome).toMatch(/^206 StepPlanned.*StepPlanned.*StepPlanned/);
    expect(run.timeline.filter((t) => t.stepId !== "step")).toHaveLength(4);
  });

  it("group.parallel race mode resumes as soon as the first step settles", async () => {
    await h.client.send({ name: "test/race", data: {} });
    const run = await finished("contract-race");
    expect(run.output).toBe("fast");
  });

  it("sleeps for the requested time before resuming", async () => {
    await h.client.send({ name: "test/sleep", data: { duration: "1s" } });
    await h.executor.waitForRun((r) => r.functionId === "contract-sleeper" && r.status === "sleeping");
    const run = await finished("contract-sleeper");
    expect(run.status).toBe("completed");
    expect((run.output as { slept: number }).slept).toBeGreaterThanOrEqual(950);
  });

  it("sleepUntil resumes at the date, and fireSleeps() fast-forwards", async () => {
    await h.client.send({ name: "test/sleep-until", data: { at: Date.now() + 3_600_000 } });
    await h.executor.waitForRun((r) => r.functionId === "contract-sleep-until" && r.status === "sleeping");
    expect(h.executor.fireSleeps()).toBe(1);
    const run = await finished("contract-sleep-until");
    expect(run.status).toBe("completed");
  });

  it("waitForEvent with match resumes with the matching event only", async () => {
    await h.client.send({ name: "test/order.placed", data: { orderId: "o-1" } });
    await h.executor.waitForRun((r) => r.functionId === "contract-await-payment" && r.status === "waiting");
    await h.client.send({ name: "test/order.paid", data: { orderId: "o-2", amount: 1 } });
    await h.client.send({ name: "test/order.paid", data: { orderId: "o-1", amount: 42 } });
    const run = await h.executor.waitForRun((r) => r.functionId === "contract-await-payment" && r.status === "completed");
    expect(run.output).toEqual({ paid: true, amount: 42 });
  });

  it("waitForEvent times out with null", async () => {
    await h.client.send({ name: "test/order.placed", data: { orderId: "never-paid" } });
    const run = await h.executor.waitForRun(
      (r) => r.functionId === "contract-await-payment" && r.event.data.orderId === "never-paid" && r.status === "completed",
      { timeoutMs: 5_000 },
    );
    expect(run.output).toEqual({ paid: false });
  });

  it("waitForEvent evaluates `if` against event and async", async () => {
    await h.client.send({ name: "test/quote.requested", data: { id: "q" } });
    await h.executor.waitForRun((r) => r.functionId === "contract-await-if" && r.status === "waiting");
    await h.client.send({ name: "test/quote.ready", data: { id: "q", price: 5 } });
    await h.client.send({ name: "test/quote.ready", data: { id: "q", price: 11 } });
    const run = await finished("contract-await-if");
    expect(run.output).toBe(11);
  });

  it("step.sendEvent posts to the Event API and triggers the other function", async () => {
    await h.client.send({ name: "test/fan-out", data: { n: 4 } });
    const sender = await finished("contract-fan-out");
    const receiver = await finished("contract-fanned");
    expect(receiver.output).toBe(8);
    expect(sender.output).toEqual([receiver.event.id]);
  });

  it("step.invoke runs the target and returns its result", async () => {
    await h.client.send({ name: "test/invoke", data: {} });
    const run = await finished("contract-parent");
    expect(run.output).toEqual({ doubled: 42 });
    expect(h.executor.runs({ functionId: "contract-child" })[0]?.event.name).toBe("inngest/function.invoked");
  });

  it("starts cron functions in the minute their schedule matches", async () => {
    expect(h.executor.tickCron(new Date("2025-01-15T03:00:00Z"))).toEqual([]); // 04:00 in Berlin
    const [runId] = h.executor.tickCron(new Date("2025-01-15T02:00:30Z")); // 03:00 in Berlin
    expect(runId).toBeDefined();
    const run = await finished("contract-nightly");
    expect(run).toMatchObject({ id: runId, status: "completed", output: { name: "inngest/scheduled.timer", cron: "TZ=Europe/Berlin 0 3 * * *" } });
  });
});
