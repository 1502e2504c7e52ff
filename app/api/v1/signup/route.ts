import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { registerCustomer } from "@/server/customers/register-customer";
import { registerCustomerSchema, SIGNUP_ACCEPTED } from "@/server/customers/register-customer.schema";
import { toErrorResponse } from "@/server/errors/to-error-response";
import { parseJson } from "@/server/http/handler";

/** Public: creates a customer account. */
export async function POST(req: Request) {
  try {
    const input = await parseJson(req, registerCustomerSchema);
    await registerCustomer(getDb(), input);
    return NextResponse.json(SIGNUP_ACCEPTED, { status: 202 });
  } catch (e) {
    const { status, body } = toErrorResponse(e);
    return NextResponse.json(body, { status });
  }
}
