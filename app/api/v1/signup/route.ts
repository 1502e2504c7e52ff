import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { registerCustomer } from "@/server/customers/register-customer";
import { SIGNUP_ACCEPTED } from "@/server/customers/register-customer.schema";
import { toErrorResponse } from "@/server/errors/to-error-response";
import { env } from "@/server/env";
import { parseJson } from "@/server/http/handler";
import { clientIp } from "@/server/security/client-ip";
import { consumeOrThrow } from "@/server/security/rate-limiters";
import { reply } from "@/server/http/reply";
import { customerRoutes } from "@/server/customers/customer-routes.schema";

/** Public: creates a customer account. Limited per IP: each attempt costs a scrypt hash. */
export async function POST(req: Request) {
  try {
    await consumeOrThrow(
      "signup_ip",
      clientIp(req.headers, env().TRUSTED_PROXY_HOPS),
      "Too many sign-ups from your network. Please try again later.",
    );
    const input = await parseJson(req, customerRoutes.signup.body);
    await registerCustomer(getDb(), input);
    return reply(customerRoutes.signup.response, SIGNUP_ACCEPTED, { status: 202 });
  } catch (e) {
    const { status, body, headers } = toErrorResponse(e);
    return NextResponse.json(body, { status, headers });
  }
}
