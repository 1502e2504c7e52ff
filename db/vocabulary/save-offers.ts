/**
 * Why a customer cancels (the radio list of the cancel dialog) and what a merchandiser may offer
 * instead. One `as const` array each backs its pgEnum, the zod schemas and the UI pickers.
 * No "swap product" kind: there is no swap use-case yet (issue #13 item 1); add it here when there is.
 */
export const CANCEL_REASONS = ["too_much_product", "too_expensive", "switching_product", "moving", "other"] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export const SAVE_OFFER_KINDS = ["skip_next", "pause", "change_frequency", "discount"] as const;
export type SaveOfferKind = (typeof SAVE_OFFER_KINDS)[number];
