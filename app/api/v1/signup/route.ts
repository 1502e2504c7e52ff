import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { registerCustomer } from "@/server/customers/register-customer";
import { registerCustomerSchema } from "@/server/customers/register-customer.schema";
import { toErrorResponse } from "@/server/errors/to-error-response";
import { parseJson } from "@/server/http/handler";

/** Public: creates a customer account. */
export async function POST(req: Request) {
  try {
    const input = await parseJson(req, registerCustomerSchema);
    const created = await registerCustomer(getDb(), input);
    return NextResponse.json(created, { status: 201 });
  } catch (e) {
    const { status, body } = toErrorResponse(e);
    return NextResponse.json(body, { status });
  }
}
