/**
 * Test harness: a plain node http server serving REAL SDK functions with
 * `serve` from `inngest/node`, and a local executor pointed at it. Used by
 * the contract tests; not imported by production code.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest, type InngestFunction } from "inngest";
import { serve as serveNext } from "inngest/next";
import { serve } from "inngest/node";
import { startLocalExecutor, type LocalExecutor, type LocalExecutorOptions } from "./executor";
import type { LogLevel, Logger } from "./types";

export interface LogLine {
  level: LogLevel;
  message: string;
}

export interface Harness {
  executor: LocalExecutor;
  client: Inngest;
  appUrl: string;
  logs: LogLine[];
  close(): Promise<void>;
}

const quiet = { info() {}, warn() {}, error() {}, debug() {} };

export function collectingLogger(lines: LogLine[], echo = process.env.INNGEST_LOCAL_LOG_LEVEL === "debug"): Logger {
  const make = (level: LogLevel) => (message: string) => {
    lines.push({ level, message });
    if (echo) console.log(`[inngest-local] ${level} ${message}`);
  };
  return { debug: make("debug"), info: make("info"), warn: make("warn"), error: make("error") };
}

export interface HarnessOptions extends Partial<LocalExecutorOptions> {
  /** Serve with `inngest/next` (what the app uses) instead of `inngest/node`. */
  adapter?: "node" | "next";
  /** Ask the SDK to stream responses (HTTP 201 + heartbeats). */
  streaming?: boolean;
}

type RouteHandlers = Partial<Record<"GET" | "POST" | "PUT", (req: Request, ctx: unknown) => Response | Promise<Response>>>;

/** Runs App Router route handlers (e.g. `inngest/next`'s serve) behind node:http, as `next dev` would. */
export function nextListener(handlers: RouteHandlers | ReturnType<typeof serveNext>): http.RequestListener {
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const method = (req.method ?? "GET") as "GET" | "POST" | "PUT";
      const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const request = new Request(new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`), { method, headers, body });
      void (async () => {
        const handler = (handlers as RouteHandlers)[method];
        if (!handler) {
          res.writeHead(405);
          return res.end();
        }
        try {
          // App Router passes a NextRequest; the handlers only read the Request parts of it.
          const response = await handler(request, undefined);
          res.writeHead(response.status, Object.fromEntries(response.headers));
          res.end(Buffer.from(await response.arrayBuffer()));
        } catch (e) {
          res.writeHead(500);
          res.end(String(e));
        }
      })();
    });
  };
}

/**
 * The client needs the executor's URL and the executor needs the app's URL,
 * so the app server starts first with a late-bound handler.
 */
export async function startHarness(
  appId: string,
  build: (client: Inngest) => InngestFunction.Any[],
  { adapter = "node", streaming = false, ...options }: HarnessOptions = {},
): Promise<Harness> {
  let handler: http.RequestListener = (_req, res) => {
    res.writeHead(503);
    res.end();
  };
  const app = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  const appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/inngest`;

  const logs: LogLine[] = [];
  const executor = await startLocalExecutor({
    appUrl,
    port: 0,
    backoffBaseMs: 20,
    syncOnStart: false,
    cron: false,
    log: collectingLogger(logs),
    ...options,
  });
  const client = new Inngest({ id: appId, isDev: true, baseUrl: executor.url, logger: quiet });
  const functions = build(client);
  handler = adapter === "next" ? nextListener(serveNext({ client, functions, streaming })) : serve({ client, functions, streaming });
  return {
    executor,
    client,
    appUrl,
    logs,
    close: async () => {
      await executor.stop();
      await new Promise<void>((resolve) => {
        app.close(() => resolve());
        app.closeAllConnections();
      });
    },
  };
}
