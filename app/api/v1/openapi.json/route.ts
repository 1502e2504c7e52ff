import { reply } from "@/server/http/reply";
import { httpRoutes } from "@/server/http/http-routes.schema";
import { openApiDocument } from "@/server/http/openapi/openapi-document";

/** Public: the API description (no data in it). Built once per process; it only changes on deploy. */
let cached: ReturnType<typeof openApiDocument> | undefined;

export function GET() {
  cached ??= openApiDocument();
  return reply(httpRoutes.openapi.response, cached as { openapi: "3.1.0"; paths: Record<string, unknown> }, {
    headers: { "cache-control": "public, max-age=300" },
  });
}
