import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { createProgram } from "@/server/continuity/create-program";
import { listPrograms } from "@/server/continuity/list-programs";
import { createProgramSchema } from "@/server/continuity/program-admin.schema";
import { parseJson, withAuth } from "@/server/http/handler";

/** Merchandisers: every program with its counts. */
export const GET = withAuth("programs:write", async () => ({ programs: await listPrograms(getDb()) }));

/** Creates a draft program and its parent product. */
export const POST = withAuth("programs:write", async ({ req, actor }) => {
  const input = await parseJson(req, createProgramSchema);
  return NextResponse.json(await createProgram(getDb(), actor.userId, input), { status: 201 });
});
