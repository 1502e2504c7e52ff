import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { parseJson, withAuth } from "@/server/http/handler";
import { createSubscription } from "@/server/subscriptions/create-subscription";
import { customerActorOf } from "@/server/subscriptions/http-input";
import { listSubscriptions } from "@/server/subscriptions/list-subscriptions";
import { createSubscriptionSchema } from "@/server/subscriptions/subscription.schema";

export const GET = withAuth("subscriptions:own", async ({ actor }) => ({
  subscriptions: await listSubscriptions(getDb(), customerActorOf(actor).customerId),
}));

/** Creates and confirms a subscription; its first order is created at once. */
export const POST = withAuth("subscriptions:own", async ({ req, actor }) => {
  const input = await parseJson(req, createSubscriptionSchema);
  const created = await createSubscription(getDb(), customerActorOf(actor), input, new Date());
  return NextResponse.json(created, { status: 201 });
});
