/**
 * What the workflow needs from a card processor. Every call carries an idempotency key: a
 * repeated key returns the first call's result instead of charging again.
 *
 * Outcomes: `approved`; `declined` (the issuer said no — retried per the action's retry
 * policy, since soft declines often pass later); `error` (network, 5xx, rate limit: transient).
 * `retryable: false` on a decline means retrying cannot help (no or unusable payment method).
 */
export type PaymentMethodRef = {
  /** Test gateway: the card number. Stripe: a PaymentMethod id (`pm_…`). */
  token: string;
  /** Stripe customer (`cus_…`) the method belongs to; unused by the test gateway. */
  providerCustomerId?: string | null;
};

export type GatewayOutcome =
  { status: "approved"; ref: string } | { status: "declined"; code: string; retryable: boolean } | { status: "error"; code: string };

export type AuthorizeRequest = {
  orderId: string;
  amountMinor: number;
  currency: string;
  paymentMethod: PaymentMethodRef;
  idempotencyKey: string;
};

export type RefRequest = { orderId: string; ref: string; amountMinor: number; idempotencyKey: string };

export interface PaymentGateway {
  readonly name: "test" | "stripe";
  /** Holds `amountMinor` on the card without charging it (manual capture). */
  authorize(req: AuthorizeRequest): Promise<GatewayOutcome>;
  capture(req: RefRequest): Promise<GatewayOutcome>;
  /** Releases an uncaptured authorization. */
  void(req: RefRequest): Promise<GatewayOutcome>;
  refund(req: RefRequest): Promise<GatewayOutcome>;
}
