import { z } from "zod";
import { getDb } from "@/db/client";
import { notFound } from "@/server/errors/app-error";
import { withAuth } from "@/server/http/handler";
import { testConnection } from "@/server/intake/connectors/test-connection";

export const dynamic = "force-dynamic";

/** "Test connection": one authenticated read against the store; the answer is recorded. */
export const POST = withAuth<{ id: string }>("intake:manage", async ({ actor, params }) => {
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw notFound("Channel connection");
  return testConnection(getDb(), id.data, actor, { now: new Date() });
});
