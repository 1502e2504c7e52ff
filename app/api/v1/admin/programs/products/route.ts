import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { createPhantomProduct } from "@/server/continuity/create-phantom";
import { listSeriesProducts } from "@/server/continuity/list-programs";
import { createPhantomSchema } from "@/server/continuity/program-admin.schema";
import { parseJson, withAuth } from "@/server/http/handler";

/** What a series can ship: real items and phantom placeholders. */
export const GET = withAuth("programs:write", async () => ({ products: await listSeriesProducts(getDb()) }));

/** Creates a phantom ("item of the month") product from the editor. */
export const POST = withAuth("programs:write", async ({ req, actor }) => {
  const input = await parseJson(req, createPhantomSchema);
  return NextResponse.json(await createPhantomProduct(getDb(), actor.userId, input), { status: 201 });
});
