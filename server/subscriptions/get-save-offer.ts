import "server-only";
import { and, eq, notExists } from "drizzle-orm";
import type { DbOrTx, Database } from "@/db/client";
import { saveOfferAcceptances, saveOffers } from "@/db/schema";
import type { CancelReason } from "./model";
import { OFFER_ACTION } from "./model";
import { getSubscriptionOrThrow } from "./list-subscriptions";
import type { CustomerActor, SubscriptionRow } from "./lock-subscription";
import { customerOfferOf, termsOf, type SaveOfferRow } from "./save-offer-row";
import { canPerform } from "./subscription-status";
import { auditSubscription } from "./transition";

/**
 * The save offer for `reason` that this subscription can take right now: active, not taken
 * before (each offer once per subscription), and applicable in its status (a paused
 * subscription is not offered a pause, one with nothing due is not offered a skip).
 */
export async function applicableOffer(db: DbOrTx, row: SubscriptionRow, reason: CancelReason): Promise<SaveOfferRow | null> {
  const [offer] = await db
    .select()
    .from(saveOffers)
    .where(
      and(
        eq(saveOffers.reason, reason),
        eq(saveOffers.active, true),
        notExists(
          db
            .select()
            .from(saveOfferAcceptances)
            .where(and(eq(saveOfferAcceptances.offerId, saveOffers.id), eq(saveOfferAcceptances.subscriptionId, row.id))),
        ),
      ),
    );
  if (!offer || !canPerform(row.status, OFFER_ACTION[offer.kind])) return null;
  const terms = termsOf(offer);
  if (terms.kind === "skip_next" && row.nextRunAt === null) return null;
  if (terms.kind === "change_frequency" && terms.frequency === row.frequency) return null;
  return offer;
}

/**
 * What the cancel dialog shows for a reason: the offer, or null. Showing it is a step of the
 * cancel flow, so it writes a `save_offer_shown` audit row (a GET with a record, no state change).
 */
export async function getSaveOffer(db: Database, actor: CustomerActor, id: string, reason: CancelReason, now: Date) {
  const { row } = await getSubscriptionOrThrow(db, actor.customerId, id);
  const offer = await applicableOffer(db, row, reason);
  if (!offer) return null;
  await db.transaction((tx) =>
    auditSubscription(tx, {
      subscriptionId: row.id,
      action: "save_offer_shown",
      actor: { type: "user", userId: actor.userId },
      data: { offerId: offer.id, reason, terms: termsOf(offer) },
      at: now,
    }),
  );
  return customerOfferOf(offer);
}
