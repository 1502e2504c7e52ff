import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";

/** The origin the integration tests' requests are addressed to (route handlers see it as their own). */
export const APP_ORIGIN = "http://localhost";

/** A session cookie for `userId`, signed as next-auth signs it (session version 0). */
export async function sessionCookie(userId: string, secret: string): Promise<string> {
  const jwt = await encode({ token: { sub: userId, sv: 0 }, secret });
  return `next-auth.session-token=${jwt}`;
}

/**
 * A request as the app's own page sends it with fetch: the session cookie, `Origin` and
 * `Sec-Fetch-Site: same-origin`, JSON content type on a body. `headers` overrides any of them
 * (a value of null removes the header), to play a cross-site page or a non-browser client.
 */
export function browserRequest(
  path: string,
  opts: { method?: string; cookie?: string; body?: unknown; rawBody?: string; headers?: Record<string, string | null> } = {},
): NextRequest {
  const method = opts.method ?? (opts.body === undefined && opts.rawBody === undefined ? "GET" : "POST");
  const headers: Record<string, string | null> = { origin: APP_ORIGIN, "sec-fetch-site": "same-origin", accept: "application/json" };
  if (method !== "GET") headers["content-type"] = "application/json";
  if (opts.cookie) headers.cookie = opts.cookie;
  Object.assign(headers, opts.headers);
  const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const clean = Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== null));
  return new NextRequest(`${APP_ORIGIN}${path}`, { method, headers: clean, body });
}
