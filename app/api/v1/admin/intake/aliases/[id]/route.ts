import { z } from "zod";
import { getDb } from "@/db/client";
import { notFound } from "@/server/errors/app-error";
import { withAuth } from "@/server/http/handler";
import { deleteSkuAlias } from "@/server/intake/sku-aliases";

export const dynamic = "force-dynamic";

export const DELETE = withAuth<{ id: string }>("intake:manage", async ({ actor, params }) => {
  const id = z.coerce.number().int().positive().safeParse(params.id);
  if (!id.success) throw notFound("SKU alias");
  return deleteSkuAlias(getDb(), id.data, actor, { now: new Date() });
});
