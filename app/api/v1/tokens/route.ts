import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { parseJson, withAuth } from "@/server/http/handler";
import { createApiToken, listApiTokens } from "@/server/auth/api-tokens";
import { createTokenSchema } from "@/server/subscriptions/subscription.schema";

export const GET = withAuth("subscriptions:own", async ({ actor }) => ({ tokens: await listApiTokens(getDb(), actor.userId) }));

/** Creates a personal API token; the plain `token` is in this response only. */
export const POST = withAuth("subscriptions:own", async ({ req, actor }) => {
  const { name } = await parseJson(req, createTokenSchema);
  return NextResponse.json(await createApiToken(getDb(), actor.userId, name, new Date()), { status: 201 });
});
