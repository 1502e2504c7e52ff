import { getDb } from "@/db/client";
import { getProgramOrThrow } from "@/server/continuity/load-program";
import { programRoutes } from "@/server/continuity/program-routes.schema";
import { retentionReport } from "@/server/continuity/retention-report";
import { withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";

export const GET = withAuth<{ id: string }>("programs:write", async ({ params }) => {
  const id = uuidParam(params.id, "Program");
  await getProgramOrThrow(getDb(), id);
  return reply(programRoutes.retention.response, await retentionReport(getDb(), id));
});
