import "server-only";
import { inngest } from "@/inngest/client";
import { intakeReceived } from "@/inngest/events";

/** One id per attempt number, so a later retry of the same payload is not swallowed as a duplicate. */
export const intakeReceivedEvent = (payloadId: string, attempt: number) =>
  intakeReceived.create({ payloadId }, { id: `intake-received-${payloadId}-${attempt}` });

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
