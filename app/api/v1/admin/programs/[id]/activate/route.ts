import { getDb } from "@/db/client";
import { activateProgram } from "@/server/continuity/activate-program";
import { programRoutes } from "@/server/continuity/program-routes.schema";
import { withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";

/** Publishes the saved draft as the next revision (422 with field paths when invalid). */
export const POST = withAuth<{ id: string }>("programs:write", async ({ actor, params }) =>
  reply(programRoutes.activate.response, await activateProgram(getDb(), actor.userId, uuidParam(params.id, "Program"), new Date())),
);
