/**
 * Card numbers the built-in test gateway understands (the same numbers Stripe's test mode
 * uses for similar outcomes). Any other 16-digit number is approved.
 */
export const TEST_CARDS = {
  /** Always approved. The seed's and the default for customers without a saved method. */
  approve: "4242424242424242",
  /** Always declined (`card_declined`). */
  decline: "4000000000000002",
  /** Authorization fails transiently (`processing_error`) twice per order, then is approved. */
  transientTwice: "4000000000009995",
  /** Authorization always fails transiently (`processing_error`): the gateway is "down". */
  alwaysError: "4000000000000119",
  /** Authorization approved, capture declined (`capture_declined`). */
  captureDecline: "4000000000000341",
} as const;

export type TestCard = (typeof TEST_CARDS)[keyof typeof TEST_CARDS];

/** How many transient failures `transientTwice` produces per order before approving. */
export const TRANSIENT_FAILURES = 2;

export function last4(cardOrToken: string): string {
  return cardOrToken.slice(-4);
}
