import { getDb } from "@/db/client";
import { getProgramDetail } from "@/server/continuity/list-programs";
import { programRoutes } from "@/server/continuity/program-routes.schema";
import { saveProgram } from "@/server/continuity/save-program";
import { parseJson, withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";

type P = { id: string };

export const GET = withAuth<P>("programs:write", async ({ params }) =>
  reply(programRoutes.detail.response, await getProgramDetail(getDb(), uuidParam(params.id, "Program"))),
);

/** Saves the draft and the (live) substitutions calendar; returns the draft's activation issues. */
export const PUT = withAuth<P>("programs:write", async ({ req, actor, params }) => {
  const input = await parseJson(req, programRoutes.save.body);
  return reply(programRoutes.save.response, await saveProgram(getDb(), actor.userId, uuidParam(params.id, "Program"), input, new Date()));
});
