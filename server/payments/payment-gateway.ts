import "server-only";
import type { Database } from "@/db/client";
import { env } from "@/server/env";
import type { PaymentGateway } from "./gateway";
import { createStripeGateway } from "./stripe-gateway";
import { createTestGateway } from "./test-gateway";

/** Stripe when STRIPE_SECRET_KEY is set, otherwise the built-in test gateway. */
export function paymentGateway(db: Database): PaymentGateway {
  const { STRIPE_SECRET_KEY, STRIPE_API_BASE } = env();
  return STRIPE_SECRET_KEY ? createStripeGateway({ secretKey: STRIPE_SECRET_KEY, apiBase: STRIPE_API_BASE }) : createTestGateway(db);
}
