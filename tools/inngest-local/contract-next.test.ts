import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createProbes, stepFunctions } from "./contract-functions";
import { startHarness, type Harness } from "./harness";

/**
 * Same functions, served the way the app serves them: `serve` from
 * `inngest/next` (App Router GET/POST/PUT handlers) — here with streaming
 * on, so the executor's HTTP 201 path is exercised against the real SDK.
 */
describe("local executor ↔ inngest/next (streaming)", () => {
  const probes = createProbes();
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness("contract", (client) => stepFunctions(client, probes), { adapter: "next", streaming: true });
    expect((await h.executor.sync()).ok).toBe(true);
  });
  afterAll(() => h.close());
  afterEach(() => {
    expect(h.executor.protocolIssues()).toEqual([]);
  });

  it("runs a step function to completion through streamed responses", async () => {
    await h.client.send({ name: "test/memo", data: {} });
    const run = await h.executor.waitForRun((r) => r.functionId === "contract-memo" && r.status === "completed");
    expect(run.output).toEqual({ a: 1, b: 2 });
    expect(probes.count("memo:a")).toBe(1);
  });

  it("runs parallel steps and an invoke", async () => {
    await h.client.send([
      { name: "test/parallel", data: {} },
      { name: "test/invoke", data: {} },
    ]);
    await h.executor.waitForIdle();
    expect(h.executor.runs({ functionId: "contract-parallel" })[0]?.output).toBe(6);
    expect(h.executor.runs({ functionId: "contract-parent" })[0]?.output).toEqual({ doubled: 42 });
  });
});
