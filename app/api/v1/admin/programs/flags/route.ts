import { getDb } from "@/db/client";
import { listOpenFlags } from "@/server/continuity/flag-missing-substitutions";
import { withAuth } from "@/server/http/handler";

/** "Needs attention": open missing-substitution flags, soonest first. */
export const GET = withAuth("programs:write", async () => ({ flags: await listOpenFlags(getDb(), new Date()) }));
