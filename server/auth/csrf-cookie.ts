import { createHash, randomBytes } from "node:crypto";

/**
 * next-auth v4's CSRF double-submit cookie, made by the proxy for the sign-in page so the
 * server-rendered form can carry the token and POST to `/api/auth/callback/credentials` with
 * JavaScript off. Same format next-auth writes and checks (`token|sha256(token + secret)`,
 * next-auth/core/lib/csrf-token.js), so the JS path (`signIn()`, which fetches /api/auth/csrf)
 * reuses the very same cookie. Contract-tested against next-auth's own check.
 */
/** Request header carrying the sign-in page's CSRF token from the proxy to the page. */
export const CSRF_HEADER = "x-replen-csrf-token";

export function csrfCookieName(secure: boolean): string {
  return `${secure ? "__Host-" : ""}next-auth.csrf-token`;
}

const hashOf = (token: string, secret: string) => createHash("sha256").update(`${token}${secret}`).digest("hex");

/** The token in a valid cookie, or a new token and the cookie value to set. */
export function csrfTokenFor(cookieValue: string | undefined, secret: string): { token: string; cookie?: string } {
  if (cookieValue) {
    const [token, hash] = cookieValue.split("|");
    if (token && hash === hashOf(token, secret)) return { token };
  }
  const token = randomBytes(32).toString("hex");
  return { token, cookie: `${token}|${hashOf(token, secret)}` };
}
