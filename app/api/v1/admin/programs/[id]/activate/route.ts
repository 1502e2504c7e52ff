import { getDb } from "@/db/client";
import { activateProgram } from "@/server/continuity/activate-program";
import { withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";

/** Publishes the saved draft as the next revision (422 with field paths when invalid). */
export const POST = withAuth<{ id: string }>("programs:write", async ({ actor, params }) =>
  activateProgram(getDb(), actor.userId, uuidParam(params.id, "Program"), new Date()),
);
