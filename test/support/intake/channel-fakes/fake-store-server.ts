import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A real HTTP server on loopback playing the store APIs Replen talks to — BigCommerce V2,
 * Shopify Admin REST, WooCommerce REST v3, Amazon SP-API Orders v0 and Login with Amazon — with
 * their documented response shapes (bodies from test/support/intake/fixtures and the channels'
 * docs), their auth headers, their pagination, and injectable failures: an HTTP status (429 with
 * Retry-After, 500…) or a delay longer than the client's timeout, for the next N matching requests.
 */
export type RecordedRequest = { method: string; path: string; query: URLSearchParams; headers: IncomingMessage["headers"]; body: string };
export type Failure = { status?: number; delayMs?: number; retryAfter?: number; times: number };

type Handler = (req: RecordedRequest, res: ServerResponse) => void | Promise<void>;

export type FakeServer = {
  url: string;
  requests: RecordedRequest[];
  /** The next `times` requests whose path starts with `pathPrefix` fail this way. */
  fail(pathPrefix: string, failure: Failure): void;
  route(method: string, pattern: RegExp, handler: (req: RecordedRequest, res: ServerResponse, match: RegExpExecArray) => void | Promise<void>): void;
  close(): Promise<void>;
};

export async function startFakeServer(): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const failures: Array<{ prefix: string } & Failure> = [];
  const routes: Array<{
    method: string;
    pattern: RegExp;
    handler: (req: RecordedRequest, res: ServerResponse, m: RegExpExecArray) => void | Promise<void>;
  }> = [];

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://fake");
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString("utf8"),
    };
    requests.push(recorded);
    const failure = failures.find((f) => f.times > 0 && recorded.path.startsWith(f.prefix));
    if (failure) {
      failure.times--;
      if (failure.delayMs) await new Promise((r) => setTimeout(r, failure.delayMs));
      if (failure.status) {
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (failure.retryAfter !== undefined) headers["retry-after"] = String(failure.retryAfter);
        res
          .writeHead(failure.status, headers)
          .end(JSON.stringify({ errors: [{ code: failure.status === 429 ? "QuotaExceeded" : "InternalFailure" }] }));
        return;
      }
    }
    for (const r of routes) {
      const m = r.method === recorded.method ? r.pattern.exec(recorded.path) : null;
      if (m) {
        try {
          await r.handler(recorded, res, m);
        } catch {
          if (!res.headersSent) res.writeHead(500).end();
        }
        return;
      }
    }
    json(res, 404, { status: 404, title: "Not Found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    fail: (prefix, failure) => failures.push({ prefix, ...failure }),
    route: (method, pattern, handler) => routes.push({ method, pattern, handler }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(typeof body === "string" ? body : JSON.stringify(body));
}

export type { Handler };
