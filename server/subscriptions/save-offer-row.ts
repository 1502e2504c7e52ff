import "server-only";
import type { saveOffers } from "@/db/schema";
import { describeSaveOffer, type SaveOfferTerms } from "./model";

export type SaveOfferRow = typeof saveOffers.$inferSelect;

/** An offer row's terms: only its kind's columns (the table's CHECK guarantees they are set). */
export function termsOf(row: SaveOfferRow): SaveOfferTerms {
  switch (row.kind) {
    case "skip_next":
      return { kind: "skip_next" };
    case "pause":
      return { kind: "pause", pauseMonths: row.pauseMonths! };
    case "change_frequency":
      return { kind: "change_frequency", frequency: row.frequency! };
    case "discount":
      return { kind: "discount", discountPercent: row.discountPercent!, discountOrders: row.discountOrders! };
  }
}

/** The columns that store `terms` (the others null, as save_offers_kind_columns requires). */
export function columnsOf(terms: SaveOfferTerms) {
  return {
    kind: terms.kind,
    pauseMonths: terms.kind === "pause" ? terms.pauseMonths : null,
    frequency: terms.kind === "change_frequency" ? terms.frequency : null,
    discountPercent: terms.kind === "discount" ? terms.discountPercent : null,
    discountOrders: terms.kind === "discount" ? terms.discountOrders : null,
  };
}

export const customerOfferOf = (row: SaveOfferRow) => {
  const terms = termsOf(row);
  return { id: row.id, reason: row.reason, terms, message: row.message, label: describeSaveOffer(terms) };
};
