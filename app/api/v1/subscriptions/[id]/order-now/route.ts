import { z } from "zod";
import { getDb } from "@/db/client";
import { AppError } from "@/server/errors/app-error";
import { withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { customerActorOf } from "@/server/subscriptions/http-input";
import { orderNow } from "@/server/subscriptions/order-now";
import { reply } from "@/server/http/reply";
import { subscriptionRoutes } from "@/server/subscriptions/subscription-routes.schema";

const keySchema = z.string().trim().min(1).max(100).optional();

/** An extra order now, outside the schedule. `Idempotency-Key` makes retries safe. */
export const POST = withAuth<{ id: string }>("subscriptions:own", async ({ req, actor, params }) => {
  const key = keySchema.safeParse(req.headers.get("idempotency-key") ?? undefined);
  if (!key.success) throw new AppError("BAD_REQUEST", "Idempotency-Key must be 1–100 characters");
  const result = await orderNow(getDb(), customerActorOf(actor), uuidParam(params.id, "Subscription"), { idempotencyKey: key.data }, new Date());
  return reply(subscriptionRoutes.orderNow.response, result, { status: result.created ? 201 : 200 });
});
