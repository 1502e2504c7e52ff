import "server-only";
import { inngest } from "@/inngest/client";
import { intakeReceived, orderCreated } from "@/inngest/events";

/** Deterministic id, the same one generation uses: a re-send is deduplicated by Inngest. */
export const orderCreatedEvent = (orderId: string) => orderCreated.create({ orderId }, { id: `order-created-${orderId}` });

/** One id per attempt number, so a later retry of the same payload is not swallowed as a duplicate. */
export const intakeReceivedEvent = (payloadId: string, attempt: number) =>
  intakeReceived.create({ payloadId }, { id: `intake-received-${payloadId}-${attempt}` });

/**
 * Hands an accepted order to the workflow runtime, AFTER its transaction committed. A failed
 * send loses nothing: the order is in Postgres in state `created`, and the intake sweeper
 * (inngest/functions/sweep-intake.ts) re-announces such orders. So the failure is logged,
 * not thrown: the channel must still hear that its order was accepted.
 */
export async function announceOrder(orderId: string): Promise<boolean> {
  try {
    await inngest.send(orderCreatedEvent(orderId));
    return true;
  } catch (e) {
    console.error("[intake] order/created not sent; the sweeper will re-announce", orderId, e instanceof Error ? e.name : "");
    return false;
  }
}

/** Asks Inngest to (re)process a stored payload with retries and backoff. */
export async function scheduleIntakeRetry(payloadId: string, attempt: number): Promise<boolean> {
  try {
    await inngest.send(intakeReceivedEvent(payloadId, attempt));
    return true;
  } catch (e) {
    console.error("[intake] intake/received not sent; the sweeper will retry", payloadId, e instanceof Error ? e.name : "");
    return false;
  }
}
