import "server-only";
import type { DbOrTx } from "@/db/client";
import { paymentMethods } from "@/db/schema";
import type { PaymentMethodRef } from "./gateway";
import { last4, TEST_CARDS } from "./test-cards";

/**
 * The method to charge, from the customer's saved one (or none). With the test gateway, a
 * customer who never saved one pays with the approving test card, so demo and signup
 * customers' orders flow; with Stripe there is no such fallback (null → the authorization is
 * declined as `no_payment_method`). Pure: the caller loads the saved method with its orders.
 */
export function methodToCharge(
  saved: { gateway: string | null; token: string | null; providerCustomerId: string | null } | null,
  gateway: "test" | "stripe",
): PaymentMethodRef | null {
  if (saved?.token && saved.gateway === gateway) return { token: saved.token, providerCustomerId: saved.providerCustomerId };
  return gateway === "test" ? { token: TEST_CARDS.approve } : null;
}

/**
 * Saves (replaces) a customer's payment method. The caller sends `payment/method_updated`
 * after commit so orders waiting in dunning retry with it.
 */
export async function savePaymentMethod(
  db: DbOrTx,
  customerId: string,
  method: { gateway: "test" | "stripe"; token: string; brand?: string; providerCustomerId?: string | null },
  now: Date,
): Promise<void> {
  const values = {
    gateway: method.gateway,
    token: method.token,
    brand: method.brand ?? "card",
    last4: last4(method.token),
    providerCustomerId: method.providerCustomerId ?? null,
    updatedAt: now,
  };
  await db
    .insert(paymentMethods)
    .values({ customerId, ...values })
    .onConflictDoUpdate({ target: paymentMethods.customerId, set: values });
}
