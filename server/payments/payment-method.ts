import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { paymentMethods } from "@/db/schema";
import type { PaymentMethodRef } from "./gateway";
import { last4, TEST_CARDS } from "./test-cards";

export type SavedPaymentMethod = { gateway: string; token: string; brand: string; last4: string; providerCustomerId: string | null };

export async function getPaymentMethod(db: DbOrTx, customerId: string): Promise<SavedPaymentMethod | null> {
  const [row] = await db
    .select({
      gateway: paymentMethods.gateway, token: paymentMethods.token, brand: paymentMethods.brand,
      last4: paymentMethods.last4, providerCustomerId: paymentMethods.providerCustomerId,
    })
    .from(paymentMethods)
    .where(eq(paymentMethods.customerId, customerId));
  return row ?? null;
}

/**
 * The method to charge for a customer. With the test gateway, a customer who never saved one
 * pays with the approving test card, so demo and signup customers' orders flow; with Stripe
 * there is no such fallback (null → the authorization is declined as `no_payment_method`).
 */
export async function paymentMethodFor(db: DbOrTx, customerId: string, gateway: "test" | "stripe"): Promise<PaymentMethodRef | null> {
  const saved = await getPaymentMethod(db, customerId);
  if (saved && saved.gateway === gateway) return { token: saved.token, providerCustomerId: saved.providerCustomerId };
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
    gateway: method.gateway, token: method.token, brand: method.brand ?? "card", last4: last4(method.token),
    providerCustomerId: method.providerCustomerId ?? null, updatedAt: now,
  };
  await db.insert(paymentMethods).values({ customerId, ...values }).onConflictDoUpdate({ target: paymentMethods.customerId, set: values });
}
