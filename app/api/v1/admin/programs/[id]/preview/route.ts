import { getDb } from "@/db/client";
import { editorPreviewSchema } from "@/server/continuity/program-admin.schema";
import { previewDraft } from "@/server/continuity/preview-program";
import { parseJson, withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";

/** The editor's preview of the (unsaved) draft for a hypothetical joiner. */
export const POST = withAuth<{ id: string }>("programs:write", async ({ req, params }) => {
  const input = await parseJson(req, editorPreviewSchema);
  return previewDraft(getDb(), uuidParam(params.id, "Program"), input);
});
