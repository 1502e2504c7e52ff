import { eventType } from "inngest";
import { z } from "zod";

/**
 * Every event the app sends or listens to, with its data validated by zod at the boundary.
 * Event ids are deterministic where a duplicate send must be harmless (Inngest dedupes
 * by id for 24h; the database's unique keys dedupe forever).
 */
export const orderCreated = eventType("order/created", {
  schema: z.object({ orderId: z.string().uuid() }),
});

export const orderStateEntered = eventType("order/state.entered", {
  schema: z.object({ orderId: z.string().uuid(), state: z.string(), versionId: z.number().int() }),
});

export const orderApprovalDecided = eventType("order/approval.decided", {
  schema: z.object({ orderId: z.string().uuid(), decision: z.enum(["approve", "reject"]), actorId: z.string() }),
});

export const orderShipped = eventType("order/shipped", {
  schema: z.object({ orderId: z.string().uuid(), trackingNumber: z.string().optional() }),
});

export const intakeReceived = eventType("intake/received", {
  schema: z.object({ payloadId: z.string().uuid() }),
});

export const remindersDue = eventType("reminders/due", {
  schema: z.object({ reminderId: z.string().uuid() }),
});
