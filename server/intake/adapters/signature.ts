import { createHmac, timingSafeEqual } from "node:crypto";

/** Fetch `Headers` or a Node-style record; lookups are case-insensitive either way. */
export type HeaderBag = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

export function getHeader(headers: HeaderBag, name: string): string | undefined {
  if (typeof Headers !== "undefined" && headers instanceof Headers) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    // A repeated signature header is suspicious; only the first value is considered.
    return typeof value === "string" ? value : value?.[0];
  }
  return undefined;
}

/**
 * The signature must be computed over the exact bytes received. Re-serialising parsed JSON
 * (key order, whitespace, "\u00e9" vs "é") changes them, so routes must pass `await req.text()`.
 */
export function hmacSha256Base64(rawBody: string | Uint8Array, secret: string): string {
  return createHmac("sha256", secret).update(rawBody).digest("base64");
}

// Exactly one SHA-256 digest in canonical base64: 43 characters and one "=" of padding.
const BASE64_SHA256 = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;

/** Timing-safe check of a base64 HMAC-SHA256 header. An empty secret never verifies. */
export function verifyHmacBase64(rawBody: string | Uint8Array, headers: HeaderBag, headerName: string, secret: string): boolean {
  if (secret.length === 0) return false; // a missing env var must not mean "accept everything"
  const provided = getHeader(headers, headerName)?.trim();
  // Buffer.from(…, "base64") silently skips junk characters, so validate the shape first.
  if (provided === undefined || !BASE64_SHA256.test(provided)) return false;
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(provided, "base64"));
}

/** For routes that authenticate the `api` channel with a bearer token instead of an HMAC. */
export function verifyBearerToken(headers: HeaderBag, token: string): boolean {
  if (token.length === 0) return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(getHeader(headers, "authorization") ?? "");
  if (!match?.[1]) return false;
  // Compare digests so the comparison is constant-time even when lengths differ.
  const digest = (value: string) => createHmac("sha256", "replen-bearer").update(value).digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}
