import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { saveOfferAcceptances, saveOffers } from "@/db/schema";
import { queueCustomerEmail } from "@/server/notifications/queue-customer-email";
import { sendCustomerEmails } from "@/server/notifications/send-customer-emails";
import type { SendEmail } from "@/server/notifications/send-email";
import { offerAcceptedEmail } from "@/server/notifications/subscription-email-message";
import { conflict, notFound } from "../errors/app-error";
import { toLocalDate } from "../schedule";
import { emailFactsOf } from "./cancel-subscription";
import { changeFrequency } from "./change-subscription";
import { applicableOffer } from "./get-save-offer";
import { getSubscriptionOrThrow } from "./list-subscriptions";
import { lockOwnedSubscriptionOrThrow, type CustomerActor } from "./lock-subscription";
import { describeSaveOffer, pauseOfferUntil } from "./model";
import { pauseLocked } from "./pause-subscription";
import type { AcceptOfferInput } from "./save-offer.schema";
import { termsOf } from "./save-offer-row";
import { skipLocked } from "./skip-cycle";
import type { SubscriptionDto } from "./subscription-dto.schema";
import { applyTransition, auditSubscription } from "./transition";

/**
 * Takes the save offer instead of cancelling, in one transaction: the acceptance row (primary
 * key subscription + offer, so a double click or a retry takes it once — the repeat changes
 * nothing and sends nothing), the offer's own action through the existing use-cases' locked
 * halves (skip, pause, frequency change; each writes its own audit row) or the discount columns,
 * and a `save_offer_accepted` audit row. The confirmation email is queued here and mailed after
 * commit. `repeated`: this offer had already been taken.
 */
export async function acceptSaveOffer(
  db: Database,
  actor: CustomerActor,
  id: string,
  input: AcceptOfferInput,
  now: Date,
  opts: { send?: SendEmail } = {},
): Promise<{ subscription: SubscriptionDto; repeated: boolean }> {
  const outcome = await db.transaction(async (tx) => {
    const row = await lockOwnedSubscriptionOrThrow(tx, actor.customerId, id);
    const [taken] = await tx
      .select({ at: saveOfferAcceptances.acceptedAt })
      .from(saveOfferAcceptances)
      .where(and(eq(saveOfferAcceptances.subscriptionId, row.id), eq(saveOfferAcceptances.offerId, input.offerId)));
    if (taken) return { repeated: true, emailId: null };

    const offer = await applicableOffer(tx, row, input.reason);
    if (!offer || offer.id !== input.offerId) {
      const [exists] = await tx.select({ id: saveOffers.id }).from(saveOffers).where(eq(saveOffers.id, input.offerId));
      if (!exists) throw notFound("Offer");
      throw conflict("This offer is no longer available for this subscription. Reload and try again.");
    }
    const terms = termsOf(offer);
    await tx.insert(saveOfferAcceptances).values({ subscriptionId: row.id, offerId: offer.id, reason: input.reason, terms, acceptedAt: now });
    const who = { type: "user" as const, userId: actor.userId };
    const data = { offerId: offer.id, reason: input.reason, terms };
    switch (terms.kind) {
      case "skip_next":
        await skipLocked(tx, row, actor, {}, now);
        break;
      case "pause":
        await pauseLocked(tx, row, actor, { until: pauseOfferUntil(toLocalDate(now, row.timeZone), terms.pauseMonths) }, now);
        break;
      case "change_frequency":
        await changeFrequency(tx, row, terms.frequency, who, now);
        break;
      case "discount":
        // The discount is the offer's own change: its audit row is the acceptance.
        await applyTransition(tx, {
          row,
          now,
          action: "save_offer_accepted",
          actor: who,
          set: { discountPercent: terms.discountPercent, discountOrdersLeft: terms.discountOrders },
          data,
        });
        break;
    }
    if (terms.kind !== "discount") await auditSubscription(tx, { subscriptionId: row.id, action: "save_offer_accepted", actor: who, data, at: now });
    const emailId = await queueCustomerEmail(
      tx,
      {
        customerId: row.customerId,
        kind: "save_offer_accepted",
        dedupeKey: `save_offer_accepted:${row.id}:${offer.id}`,
        ...offerAcceptedEmail({ ...(await emailFactsOf(tx, row)), offer: describeSaveOffer(terms) }),
      },
      now,
    );
    return { repeated: false, emailId };
  });
  if (outcome.emailId) await sendCustomerEmails(db, { now, ids: [outcome.emailId], send: opts.send });
  return { subscription: (await getSubscriptionOrThrow(db, actor.customerId, id)).dto, repeated: outcome.repeated };
}
