import { getDb } from "@/db/client";
import { previewDraft } from "@/server/continuity/preview-program";
import { programRoutes } from "@/server/continuity/program-routes.schema";
import { parseJson, withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";

/** The editor's preview of the (unsaved) draft for a hypothetical joiner. */
export const POST = withAuth<{ id: string }>("programs:write", async ({ req, params }) => {
  const input = await parseJson(req, programRoutes.preview.body);
  return reply(programRoutes.preview.response, await previewDraft(getDb(), uuidParam(params.id, "Program"), input));
});
