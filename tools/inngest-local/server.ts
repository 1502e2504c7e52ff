import http from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { incomingEventsSchema, type IncomingEvent } from "./events";
import type { LocalExecutor } from "./executor-api";
import type { Logger, RunStatus } from "./types";

/**
 * HTTP surface: the Event API the SDK sends to (`POST /e/:key`, reached via
 * INNGEST_BASE_URL) plus a small inspection/control API for dev and tests.
 */

interface ServerDeps {
  port: number;
  host: string;
  log: Logger;
  /** Returns the ids assigned to every event, duplicates included. */
  ingest(events: IncomingEvent[], seed: string | null): string[];
  protocolIssue(message: string): void;
}

const maxBody = 10 * 1024 * 1024;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > maxBody) reject(new Error("request body too large"));
      else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body, null, 2));
}

async function route(api: LocalExecutor, deps: ServerDeps, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://local");
  const method = req.method ?? "GET";
  const path = url.pathname.replace(/\/+$/, "") || "/";

  if (method === "POST" && /^\/e\/[^/]+$/.test(path)) {
    let parsed: z.ZodSafeParseResult<z.infer<typeof incomingEventsSchema>>;
    try {
      const json: unknown = JSON.parse(await readBody(req));
      parsed = incomingEventsSchema.safeParse(Array.isArray(json) ? json : [json]);
    } catch (err) {
      // `status` in the body is what the SDK's sendEventResponseSchema checks.
      return send(res, 400, { ids: [], status: 400, error: `invalid JSON: ${err instanceof Error ? err.message : String(err)}` });
    }
    if (!parsed.success) return send(res, 400, { ids: [], status: 400, error: z.prettifyError(parsed.error) });
    const ids = deps.ingest(parsed.data, (req.headers["x-inngest-event-id-seed"] as string | undefined) ?? null);
    return send(res, 200, { ids, status: 200 });
  }
  if (method === "POST" && path === "/sync") {
    try {
      const result = await api.sync();
      return send(res, result.ok ? 200 : 422, result);
    } catch (err) {
      return send(res, 502, { ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  }
  if (method === "GET" && (path === "/health" || path === "/")) return send(res, 200, api.status());
  if (method === "GET" && path === "/functions") return send(res, 200, { functions: api.functions(), rejections: api.rejections() });
  if (method === "GET" && path === "/events") return send(res, 200, api.events());
  if (method === "GET" && path === "/runs") {
    const status = (url.searchParams.get("status") ?? undefined) as RunStatus | undefined;
    return send(res, 200, api.runs({ functionId: url.searchParams.get("functionId") ?? undefined, status }));
  }
  const runMatch = /^\/runs\/([^/]+)$/.exec(path);
  if (method === "GET" && runMatch) {
    const run = api.run(decodeURIComponent(runMatch[1] ?? ""));
    return run ? send(res, 200, run) : send(res, 404, { error: "run not found" });
  }
  if (method === "POST" && path === "/cron/tick") {
    const at = url.searchParams.get("at");
    return send(res, 200, { runIds: api.tickCron(at ? new Date(at) : new Date()) });
  }
  if (method === "POST" && path === "/sleeps/fire") return send(res, 200, { fired: api.fireSleeps() });

  if (req.headers["x-inngest-sdk"]) {
    // The SDK called an Inngest API we do not implement (checkpointing,
    // out-of-band /fn/register, ...): the protocol moved under us.
    deps.protocolIssue(`SDK called unsupported endpoint ${method} ${url.pathname}`);
  }
  return send(res, 404, { error: `no route ${method} ${url.pathname}` });
}

export async function listen(api: LocalExecutor, deps: ServerDeps): Promise<{ url: string; port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    route(api, deps, req, res).catch((err: unknown) => {
      deps.log.error(`request ${req.method} ${req.url} failed: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) send(res, 500, { error: "internal error" });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(deps.port, deps.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = deps.host.includes(":") ? `[${deps.host}]` : deps.host;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
