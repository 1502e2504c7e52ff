import "server-only";
import { asc, count, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { saveOfferAcceptances, saveOffers } from "@/db/schema";
import { CANCEL_REASONS, describeSaveOffer } from "./model";
import type { SaveOfferDto } from "./save-offer.schema";
import { termsOf } from "./save-offer-row";

/** The merchandiser's save offers, in the dialog's reason order, with how often each was taken. */
export async function listSaveOffers(db: DbOrTx): Promise<SaveOfferDto[]> {
  const rows = await db
    .select({ offer: saveOffers, accepted: count(saveOfferAcceptances.offerId) })
    .from(saveOffers)
    .leftJoin(saveOfferAcceptances, eq(saveOfferAcceptances.offerId, saveOffers.id))
    .groupBy(saveOffers.id)
    .orderBy(asc(saveOffers.reason));
  return rows
    .map(({ offer, accepted }) => {
      const terms = termsOf(offer);
      return {
        id: offer.id,
        reason: offer.reason,
        terms,
        message: offer.message,
        active: offer.active,
        label: describeSaveOffer(terms),
        updatedAt: offer.updatedAt.toISOString(),
        acceptedCount: accepted,
      };
    })
    .sort((a, b) => CANCEL_REASONS.indexOf(a.reason) - CANCEL_REASONS.indexOf(b.reason));
}
