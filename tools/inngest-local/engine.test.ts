import { InngestTestEngine } from "@inngest/test";
import { Inngest } from "inngest";
import { describe, expect, it } from "vitest";
import { createProbes, memoFunction } from "./contract-functions";

/**
 * The in-process pattern for unit-testing a single function with
 * `@inngest/test`: no HTTP, no executor — steps can be run or mocked.
 * Contract tests (contract-*.test.ts) cover the executor's protocol instead.
 */
describe("@inngest/test example: the memo function", () => {
  const client = new Inngest({ id: "contract", isDev: true, logger: { info() {}, warn() {}, error() {}, debug() {} } });

  it("runs every step and returns the result", async () => {
    const probes = createProbes();
    const t = new InngestTestEngine({ function: memoFunction(client, probes), events: [{ name: "test/memo", data: {} }] });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ a: 1, b: 2 });
    expect(ctx.step.run).toHaveBeenCalledWith("a", expect.any(Function));
    expect(probes.count("memo:a")).toBe(1);
  });

  it("mocks a step's result", async () => {
    const probes = createProbes();
    const t = new InngestTestEngine({ function: memoFunction(client, probes), events: [{ name: "test/memo", data: {} }] });
    const { result } = await t.execute({ steps: [{ id: "a", handler: () => 41 }] });
    expect(result).toEqual({ a: 41, b: 42 });
    expect(probes.count("memo:a")).toBe(0);
  });
});
