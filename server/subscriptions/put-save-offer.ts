import "server-only";
import type { Database } from "@/db/client";
import { auditLog, saveOffers } from "@/db/schema";
import { listSaveOffers } from "./list-save-offers";
import type { CancelReason } from "./model";
import type { PutSaveOfferInput, SaveOfferDto } from "./save-offer.schema";
import { columnsOf } from "./save-offer-row";

/**
 * Sets the save offer of one reason (one per reason: an upsert on the unique reason). The row
 * keeps its id across edits, so "each offer once per subscription" survives a change of terms;
 * switching an offer off is `active: false`, never a delete. Audited as entity `save_offer`.
 */
export async function putSaveOffer(db: Database, userId: string, reason: CancelReason, input: PutSaveOfferInput, now: Date): Promise<SaveOfferDto> {
  const values = { ...columnsOf(input.terms), message: input.message, active: input.active, updatedAt: now };
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(saveOffers)
      .values({ reason, ...values, createdAt: now })
      .onConflictDoUpdate({ target: saveOffers.reason, set: values })
      .returning({ id: saveOffers.id });
    await tx.insert(auditLog).values({
      at: now,
      actorType: "user",
      actorId: userId,
      entityType: "save_offer",
      entityId: row!.id,
      action: "save_offer_configured",
      data: { reason, terms: input.terms, message: input.message, active: input.active },
    });
    return row!.id;
  });
  return (await listSaveOffers(db)).find((o) => o.id === id)!;
}
