import { isIP } from "node:net";

/**
 * The client's IP address for per-IP limits, from X-Forwarded-For. Behind `next start`, Next's
 * server sets X-Forwarded-For to the socket's peer address when the request has none, but
 * keeps one the client sent; a reverse proxy appends its peer. So with `hops` trusted proxies
 * (TRUSTED_PROXY_HOPS) the client is the hops-th entry from the right (the rightmost for 0 or
 * 1). With no proxy a client can choose its own entry: per-IP limits then slow down only
 * honest clients, and the per-account limits are what holds (docs/security.md). Anything that
 * is not an IP address is one shared bucket, "unknown".
 */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>, hops: number): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : (raw ?? "");
  const entries = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const entry = entries[entries.length - Math.max(1, hops)];
  if (!entry) return "unknown";
  // "::ffff:127.0.0.1" and "127.0.0.1" are the same client.
  const ip = entry.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return isIP(ip) ? ip : "unknown";
}
