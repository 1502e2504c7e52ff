import { z } from "zod";
import { getDb } from "@/db/client";
import { notFound } from "@/server/errors/app-error";
import { parseJson, withAuth } from "@/server/http/handler";
import { correctPayload } from "@/server/intake/correct-payload";
import { correctBodySchema } from "@/server/intake/intake-admin.schema";

export const dynamic = "force-dynamic";

/** "Edit payload": store a corrected copy of a dead letter's body (the raw body is kept). */
export const PUT = withAuth<{ id: string }>("intake:manage", async ({ req, actor, params }) => {
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw notFound("Intake payload");
  const { body } = await parseJson(req, correctBodySchema);
  return correctPayload(getDb(), id.data, body, actor, { now: new Date() });
});
