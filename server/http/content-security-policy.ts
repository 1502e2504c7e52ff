/**
 * The page CSP, built per request by `proxy.ts` around a fresh nonce. Next.js reads the nonce
 * from this header on the request and puts it on its own inline bootstrap scripts;
 * 'strict-dynamic' lets the scripts those load run too, so no host list is needed and an
 * injected <script> without the nonce does not run. Pure, so it is unit-tested.
 */
export function contentSecurityPolicy(opts: { nonce: string; dev: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    // React's dev build evaluates code (stack reconstruction, Fast Refresh); production does not.
    `script-src 'self' 'nonce-${opts.nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    // 'unsafe-inline' for styles only: React Flow positions nodes/edges with inline style
    // attributes and next/font, Tailwind's runtime-free CSS and React's `style={}` props all
    // emit style attributes, which a nonce cannot cover (nonces apply to elements, not
    // attributes). Styles cannot run code, so the script policy above is what stops XSS.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    // Dev: the HMR websocket.
    `connect-src 'self'${opts.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    // The no-JavaScript sign-in form posts to our own next-auth callback.
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** 128 random bits, base64: unguessable and unique per response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
