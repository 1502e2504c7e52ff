import { getDb } from "@/db/client";
import { customerIdOf } from "@/server/auth/actor";
import { joinProgram } from "@/server/continuity/join-program";
import { programRoutes } from "@/server/continuity/program-routes.schema";
import { withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";

/** Subscribes the customer to the program, joining today. */
export const POST = withAuth<{ id: string }>("subscriptions:own", async ({ actor, params }) => {
  const joined = await joinProgram(getDb(), { userId: actor.userId, customerId: customerIdOf(actor) }, uuidParam(params.id, "Program"), new Date());
  return reply(programRoutes.join.response, joined, { status: 201 });
});
