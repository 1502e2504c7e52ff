import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requestSignInCode } from "@/server/auth/sign-in-codes";
import { env } from "@/server/env";
import { toErrorResponse } from "@/server/errors/to-error-response";
import { parseSignInCodeRequest } from "@/server/auth/sign-in-code-request";
import { SIGN_IN_CODE_ACCEPTED } from "@/server/auth/sign-in-code-request.schema";
import { signInRoutes } from "@/server/auth/sign-in-routes.schema";
import { reply } from "@/server/http/reply";
import { limitCodeRequests } from "@/server/auth/sign-in-limits";
import { crossSiteRefusal } from "@/server/security/same-origin";

/**
 * Passwordless sign-in, step 1: "email me a code". JSON (the hydrated form) or a plain form
 * post (no JavaScript: answered with a redirect to the code form). Same answer whether or not
 * the email has an account; limited per IP and per email, as each request sends an email.
 */
export async function POST(req: Request) {
  const { APP_URL, NEXTAUTH_URL } = env();
  const form = !(req.headers.get("content-type") ?? "").includes("application/json");
  try {
    const refusal = crossSiteRefusal(req, [APP_URL, NEXTAUTH_URL]);
    if (refusal)
      return NextResponse.json(
        { error: { code: "FORBIDDEN", message: refusal.reason, fields: { [refusal.field]: refusal.reason } } },
        { status: 403 },
      );
    const input = await parseSignInCodeRequest(req, form);
    await limitCodeRequests(req, input.email);
    await requestSignInCode(getDb(), input, new Date());
    if (!form) return reply(signInRoutes.requestCode.response, SIGN_IN_CODE_ACCEPTED, { status: signInRoutes.requestCode.status });
    const next = new URLSearchParams({ method: "code", email: input.email, callbackUrl: input.callbackUrl ?? "/" });
    return NextResponse.redirect(new URL(`/signin?${next}`, APP_URL), 303);
  } catch (e) {
    const { status, body, headers } = toErrorResponse(e);
    if (form && status === 422) return NextResponse.redirect(new URL("/signin?method=code&error=InvalidEmail", APP_URL), 303);
    return NextResponse.json(body, { status, headers });
  }
}
