"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/server/auth/page-actor";
import { AppError } from "@/server/errors/app-error";
import { cancelSubscription } from "@/server/subscriptions/cancel-subscription";
import { customerActorOf } from "@/server/subscriptions/http-input";
import { cancelFlowSchema } from "@/server/subscriptions/save-offer.schema";

/**
 * The cancel page's form (works without JavaScript: a server action posts as a plain form, and
 * Next.js checks its Origin). POST-redirect-GET: the page shows the outcome, a reload repeats nothing.
 */
export async function cancelFromForm(id: string, form: FormData): Promise<void> {
  const actor = await requirePageActor("subscriptions:own");
  const back = `/subscriptions/${encodeURIComponent(id)}/cancel`;
  const parsed = cancelFlowSchema.safeParse({ reason: form.get("reason") || undefined, note: form.get("note") || undefined });
  let error: string | null = parsed.success ? null : "Please choose one of the listed reasons, and keep the note under 500 characters.";
  if (parsed.success) {
    try {
      await cancelSubscription(getDb(), customerActorOf(actor), id, parsed.data, new Date());
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      error = e.userMessage;
    }
  }
  redirect(error ? `${back}?${new URLSearchParams({ error })}` : `${back}?done=1`);
}
