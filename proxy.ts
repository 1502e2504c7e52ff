import { getToken } from "next-auth/jwt";
import { type NextRequest, NextResponse } from "next/server";
import { CSRF_HEADER, csrfCookieName, csrfTokenFor } from "@/server/auth/csrf-cookie";
import { LANDING } from "@/server/auth/permissions";
import type { Role } from "@/db/vocabulary/roles";
import { env } from "@/server/env";
import { contentSecurityPolicy, newNonce } from "@/server/http/content-security-policy";

/**
 * Only redirects: signed-out visitors go to /signin, signed-in ones skip it. Authorization
 * is NOT decided here; every page, action and route checks permissions itself.
 * Every page also gets a per-request CSP nonce (see content-security-policy.ts).
 */
export async function proxy(req: NextRequest) {
  const { NEXTAUTH_SECRET, NEXTAUTH_URL } = env();
  const token = await getToken({ req, secret: NEXTAUTH_SECRET });
  const { pathname, search } = req.nextUrl;
  if (pathname === "/signin" || pathname === "/signup") {
    if (token?.role) return NextResponse.redirect(new URL(LANDING[token.role as Role], req.url));
    return withCsp(req, pathname === "/signin" ? NEXTAUTH_SECRET : null, NEXTAUTH_URL);
  }
  // One-click links from reminder emails work signed out: their signed token is the authority.
  if (pathname.startsWith("/email-actions/")) return withCsp(req, null, NEXTAUTH_URL);
  if (!token) {
    const url = new URL("/signin", req.url);
    url.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(url);
  }
  if (pathname === "/") return NextResponse.redirect(new URL(LANDING[token.role as Role], req.url));
  return withCsp(req, null, NEXTAUTH_URL);
}

/**
 * Passes the page on with a fresh nonce. Next.js takes the nonce from the request's CSP header
 * and stamps its inline scripts with it; the browser gets the same policy on the response.
 * With `csrfSecret`, also makes sure next-auth's CSRF cookie exists and hands its token on.
 */
function withCsp(req: NextRequest, csrfSecret: string | null, authUrl: string | undefined) {
  const https = (authUrl ?? req.nextUrl.origin).startsWith("https://");
  const csp = contentSecurityPolicy({ nonce: newNonce(), dev: process.env.NODE_ENV === "development", https });
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", csp);
  let setCookie: { name: string; value: string } | null = null;
  if (csrfSecret) {
    // next-auth picks __Host- cookies exactly when its URL is https (core/init.js).
    const name = csrfCookieName((authUrl ?? "").startsWith("https://"));
    const csrf = csrfTokenFor(req.cookies.get(name)?.value, csrfSecret);
    headers.set(CSRF_HEADER, csrf.token);
    if (csrf.cookie) setCookie = { name, value: csrf.cookie };
  }
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  if (setCookie) {
    res.cookies.set(setCookie.name, setCookie.value, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: setCookie.name.startsWith("__Host-"),
    });
  }
  return res;
}

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico|screenshots|.*\\.(?:png|svg|jpg|css|js)$).*)"],
};
