import { getToken } from "next-auth/jwt";
import { type NextRequest, NextResponse } from "next/server";
import { LANDING } from "@/server/auth/permissions";
import { env } from "@/server/env";
import type { Role } from "@/db/vocabulary/roles";

/**
 * Only redirects: signed-out visitors go to /signin, signed-in ones skip it. Authorization
 * is NOT decided here; every page, action and route checks permissions itself.
 */
export async function proxy(req: NextRequest) {
  const token = await getToken({ req, secret: env().NEXTAUTH_SECRET });
  const { pathname, search } = req.nextUrl;
  if (pathname === "/signin" || pathname === "/signup") {
    return token?.role ? NextResponse.redirect(new URL(LANDING[token.role as Role], req.url)) : NextResponse.next();
  }
  if (!token) {
    const url = new URL("/signin", req.url);
    url.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(url);
  }
  if (pathname === "/") return NextResponse.redirect(new URL(LANDING[token.role as Role], req.url));
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico|screenshots|.*\\.(?:png|svg|jpg|css|js)$).*)"],
};
