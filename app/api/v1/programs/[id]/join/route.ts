import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { customerIdOf } from "@/server/auth/actor";
import { joinProgram } from "@/server/continuity/join-program";
import { withAuth } from "@/server/http/handler";

/** Subscribes the customer to the program, joining today. */
export const POST = withAuth<{ id: string }>("subscriptions:own", async ({ actor, params }) => {
  const joined = await joinProgram(getDb(), { userId: actor.userId, customerId: customerIdOf(actor) }, params.id, new Date());
  return NextResponse.json(joined, { status: 201 });
});
