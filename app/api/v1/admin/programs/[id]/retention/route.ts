import { getDb } from "@/db/client";
import { getProgramOrThrow } from "@/server/continuity/load-program";
import { retentionReport } from "@/server/continuity/retention-report";
import { withAuth } from "@/server/http/handler";

export const GET = withAuth<{ id: string }>("programs:write", async ({ params }) => {
  await getProgramOrThrow(getDb(), params.id);
  return retentionReport(getDb(), params.id);
});
