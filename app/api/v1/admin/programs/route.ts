import { getDb } from "@/db/client";
import { createProgram } from "@/server/continuity/create-program";
import { listPrograms } from "@/server/continuity/list-programs";
import { programRoutes } from "@/server/continuity/program-routes.schema";
import { parseJson, withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";

/** Merchandisers: every program with its counts. */
export const GET = withAuth("programs:write", async () => reply(programRoutes.list.response, { programs: await listPrograms(getDb()) }));

/** Creates a draft program and its parent product. */
export const POST = withAuth("programs:write", async ({ req, actor }) => {
  const input = await parseJson(req, programRoutes.create.body);
  return reply(programRoutes.create.response, await createProgram(getDb(), actor.userId, input), { status: 201 });
});
