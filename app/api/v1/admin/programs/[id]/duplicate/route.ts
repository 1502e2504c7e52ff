import { getDb } from "@/db/client";
import { duplicateProgram } from "@/server/continuity/duplicate-program";
import { programRoutes } from "@/server/continuity/program-routes.schema";
import { parseJson, withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";

/** A draft copy under a new name and parent SKU. */
export const POST = withAuth<{ id: string }>("programs:write", async ({ req, actor, params }) => {
  const input = await parseJson(req, programRoutes.duplicate.body);
  return reply(programRoutes.duplicate.response, await duplicateProgram(getDb(), actor.userId, uuidParam(params.id, "Program"), input), {
    status: 201,
  });
});
