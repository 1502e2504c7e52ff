import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startLocalExecutor, type LocalExecutor } from "./executor";
import { collectingLogger, type LogLine } from "./harness";

/**
 * A hand-rolled fake SDK, so we can check exactly what the executor sends and
 * that protocol drift (unknown opcodes, missing headers) is caught loudly.
 */
interface Captured {
  method: string;
  url: URL;
  body: unknown;
}

type Reply = { status: number; headers?: Record<string, string>; body: unknown };

const sdkHeaders = { "x-inngest-sdk": "inngest-js:v4.24.0", "x-inngest-req-version": "2" };

describe("local executor protocol checks (fake SDK)", () => {
  let app: http.Server;
  let appUrl: string;
  let executor: LocalExecutor;
  let logs: LogLine[];
  let captured: Captured[];
  let syncReply: () => Reply;
  let callReply: () => Reply;

  beforeEach(async () => {
    captured = [];
    logs = [];
    const fnConfig = () => ({
      id: "fake-fn",
      name: "fake",
      triggers: [{ event: "fake/go" }],
      steps: { step: { id: "step", name: "step", runtime: { type: "http", url: `${appUrl}?fnId=fake-fn&stepId=step` }, retries: { attempts: 0 } } },
    });
    syncReply = () => ({
      status: 200,
      headers: { "x-inngest-sync-kind": "in_band" },
      body: { app_id: "fake", sdk: "js:v4.24.0", url: appUrl, framework: "test", functions: [fnConfig()], inspection: { mode: "dev" } },
    });
    callReply = () => ({ status: 200, headers: sdkHeaders, body: "done" });
    app = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const text = Buffer.concat(chunks).toString();
        captured.push({ method: req.method ?? "", url: new URL(req.url ?? "/", appUrl), body: text ? JSON.parse(text) : undefined });
        const reply = req.method === "PUT" ? syncReply() : callReply();
        res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
        res.end(JSON.stringify(reply.body));
      });
    });
    await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
    appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/inngest`;
    executor = await startLocalExecutor({ appUrl, port: 0, syncOnStart: false, cron: false, backoffBaseMs: 5, log: collectingLogger(logs) });
  });

  afterEach(async () => {
    await executor.stop();
    await new Promise<void>((resolve) => app.close(() => resolve()));
  });

  const runOnce = async () => {
    await executor.sync();
    executor.send({ name: "fake/go", data: { n: 1 } });
    return executor.waitForRun((r) => r.status === "completed" || r.status === "failed");
  };

  it("PUTs an in-band sync request the SDK accepts", async () => {
    await executor.sync();
    const put = captured[0];
    expect(put?.method).toBe("PUT");
    expect(put?.body).toEqual({ url: appUrl });
  });

  it("sends the Call Request body the SDK expects, without ctx.fn_id (no checkpointing)", async () => {
    const run = await runOnce();
    expect(run).toMatchObject({ status: "completed", output: "done" });
    const call = captured.find((c) => c.method === "POST");
    expect(call?.url.searchParams.get("fnId")).toBe("fake-fn");
    expect(call?.url.searchParams.get("stepId")).toBe("step");
    const body = call?.body as { event: { name: string; id: string }; events: unknown[]; steps: object; ctx: Record<string, unknown> };
    expect(body.event).toMatchObject({ name: "fake/go", id: run.event.id, data: { n: 1 } });
    expect(body.events).toHaveLength(1);
    expect(body.steps).toEqual({});
    expect(body.ctx).toEqual({
      run_id: run.id,
      attempt: 0,
      max_attempts: 1,
      disable_immediate_execution: false,
      use_api: false,
      stack: { stack: [], current: 0 },
    });
    expect(body.ctx).not.toHaveProperty("fn_id");
  });

  it("fails the run and records a protocol issue on an unknown opcode", async () => {
    callReply = () => ({ status: 206, headers: sdkHeaders, body: [{ id: "abc", op: "Teleport" }] });
    const run = await runOnce();
    expect(run.status).toBe("failed");
    expect(executor.protocolIssues().map((i) => i.message)).toEqual(['unknown opcode "Teleport" from SDK']);
    expect(logs.some((l) => l.level === "error" && l.message.includes("Teleport"))).toBe(true);
  });

  it("fails loudly on an opcode the SDK knows but the executor does not implement", async () => {
    callReply = () => ({ status: 206, headers: sdkHeaders, body: [{ id: "abc", op: "AIGateway", displayName: "ask-llm" }] });
    const run = await runOnce();
    expect(run.error?.message).toContain("opcode AIGateway");
    expect(executor.protocolIssues()).toHaveLength(1);
  });

  it("rejects responses missing the SDK headers", async () => {
    callReply = () => ({ status: 200, body: "done" });
    const run = await runOnce();
    expect(run.status).toBe("failed");
    expect(executor.protocolIssues()[0]?.message).toContain("x-inngest-sdk");
  });

  it("refuses an out-of-band sync answer and explains a cloud-mode app", async () => {
    syncReply = () => ({ status: 200, body: { message: "Successfully registered", modified: false } });
    await expect(executor.sync()).rejects.toThrow(/in_band/);
    expect(executor.protocolIssues()).toHaveLength(1);
    syncReply = () => ({ status: 401, body: { message: "Unauthorized" } });
    await expect(executor.sync()).rejects.toThrow(/INNGEST_DEV=1/);
  });

  it("flags SDK calls to Inngest APIs it does not implement", async () => {
    const res = await fetch(`${executor.url}/v1/checkpoint`, { method: "POST", headers: { "x-inngest-sdk": "inngest-js:v4.24.0" } });
    expect(res.status).toBe(404);
    expect(executor.protocolIssues()[0]?.message).toContain("/v1/checkpoint");
  });
});

describe("Event API", () => {
  let executor: LocalExecutor;
  beforeEach(async () => {
    executor = await startLocalExecutor({ appUrl: "http://127.0.0.1:9/none", port: 0, syncOnStart: false, cron: false, log: "silent" });
  });
  afterEach(() => executor.stop());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${executor.url}/e/any-key`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

  it("accepts one event or many and answers { ids, status: 200 }", async () => {
    const one = await post({ name: "a/b", data: { x: 1 } });
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ status: 200, ids: [expect.any(String)] });
    const many = (await (await post([{ name: "a/b" }, { name: "a/c", ts: 123 }])).json()) as { ids: string[] };
    expect(many.ids).toHaveLength(2);
    const stored = executor.events().find((e) => e.id === many.ids[1]);
    expect(stored).toMatchObject({ name: "a/c", ts: 123, data: {} });
  });

  it("rejects invalid events with a 400 the SDK will surface", async () => {
    const res = await post({ data: {} });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ status: 400, error: expect.stringContaining("name") });
  });

  it("derives ids from the SDK's id seed so retried sends are deduplicated", async () => {
    const headers = { "x-inngest-event-id-seed": "1700000000000,c2VlZHNlZWQ=" };
    const first = (await (await post([{ name: "a/b" }], headers)).json()) as { ids: string[] };
    const second = (await (await post([{ name: "a/b" }], headers)).json()) as { ids: string[] };
    expect(second.ids).toEqual(first.ids);
    expect(executor.events()).toHaveLength(1);
  });
});
