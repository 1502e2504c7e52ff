import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { duplicateProgram } from "@/server/continuity/duplicate-program";
import { createPhantomSchema as nameAndSku } from "@/server/continuity/program-admin.schema";
import { parseJson, withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";

/** A draft copy under a new name and parent SKU. */
export const POST = withAuth<{ id: string }>("programs:write", async ({ req, actor, params }) => {
  const input = await parseJson(req, nameAndSku);
  return NextResponse.json(await duplicateProgram(getDb(), actor.userId, uuidParam(params.id, "Program"), input), { status: 201 });
});
