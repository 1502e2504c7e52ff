import { NextResponse } from "next/server";
import { openApiDocument } from "@/server/subscriptions/openapi";

/** Public: the API description (no data in it). Built once per process; it only changes on deploy. */
let cached: Record<string, unknown> | undefined;

export function GET() {
  cached ??= openApiDocument();
  return NextResponse.json(cached, { headers: { "cache-control": "public, max-age=300" } });
}
