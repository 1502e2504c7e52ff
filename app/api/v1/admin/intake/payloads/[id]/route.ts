import { z } from "zod";
import { getDb } from "@/db/client";
import { notFound } from "@/server/errors/app-error";
import { withAuth } from "@/server/http/handler";
import { getPayloadDetail } from "@/server/intake/get-payload-detail";

export const dynamic = "force-dynamic";

/** One payload: raw body, correction, errors, canonical order, resulting order, related copies. */
export const GET = withAuth<{ id: string }>("intake:manage", async ({ params }) => {
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw notFound("Intake payload");
  return getPayloadDetail(getDb(), id.data);
});
