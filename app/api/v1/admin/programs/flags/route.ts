import { getDb } from "@/db/client";
import { listOpenFlags } from "@/server/continuity/flag-missing-substitutions";
import { programRoutes } from "@/server/continuity/program-routes.schema";
import { withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";

/** "Needs attention": open missing-substitution flags, soonest first. */
export const GET = withAuth("programs:write", async () => reply(programRoutes.flags.response, { flags: await listOpenFlags(getDb(), new Date()) }));
