import { getDb } from "@/db/client";
import { getProgramOrThrow } from "@/server/continuity/load-program";
import { retentionReport } from "@/server/continuity/retention-report";
import { withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";

export const GET = withAuth<{ id: string }>("programs:write", async ({ params }) => {
  await getProgramOrThrow(getDb(), uuidParam(params.id, "Program"));
  return retentionReport(getDb(), uuidParam(params.id, "Program"));
});
