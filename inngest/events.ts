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

/** `seq` is orders.transition_seq after entering: the runtime ignores a stale delivery. */
export const orderStateEntered = eventType("order/state.entered", {
  schema: z.object({ orderId: z.string().uuid(), state: z.string(), versionId: z.number().int(), seq: z.number().int().optional() }),
});

/**
 * A visit that needs a durable per-order run (retries with backoff, approvals, timeouts,
 * dunning, notifications, settling): sent by the batch driver for what it does not finish.
 */
export const orderStateRun = eventType("order/state.run", {
  schema: z.object({ orderId: z.string().uuid(), state: z.string(), versionId: z.number().int(), seq: z.number().int() }),
});

/** `seq` (optional) is the visit of the review state the decision was made for. */
export const orderApprovalDecided = eventType("order/approval.decided", {
  schema: z.object({
    orderId: z.string().uuid(),
    decision: z.enum(["approve", "reject"]),
    actorId: z.string(),
    seq: z.number().int().optional(),
    note: z.string().optional(),
  }),
});

/** From the WMS or the admin UI. With `seq`, applies only to that visit of the order's state. */
export const orderShipped = eventType("order/shipped", {
  schema: z.object({ orderId: z.string().uuid(), trackingNumber: z.string().optional(), seq: z.number().int().optional() }),
});

/** Stock arrived: for one order, or for every order waiting on the product. */
export const inventoryRestocked = eventType("inventory/restocked", {
  schema: z.object({ orderId: z.string().uuid().optional(), productId: z.string().uuid().optional(), seq: z.number().int().optional() }),
});

/** The customer fixed their card: for one order, or every order of the customer. */
export const paymentMethodUpdated = eventType("payment/method_updated", {
  schema: z.object({ orderId: z.string().uuid().optional(), customerId: z.string().uuid().optional(), seq: z.number().int().optional() }),
});

/**
 * Envelope for any other event a custom workflow's transition listens to: `event` is the
 * name the definition uses. (Functions' triggers are static; definitions are not.)
 */
export const orderEvent = eventType("order/event", {
  schema: z.object({
    orderId: z.string().uuid(),
    event: z.string().min(1),
    seq: z.number().int().optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
});

/** Generation stopped at its per-run cap with work left: the next run starts at once, not next minute. */
export const generationContinue = eventType("generation/continue", { schema: z.object({ after: z.number().int() }) });

export const intakeReceived = eventType("intake/received", {
  schema: z.object({ payloadId: z.string().uuid() }),
});

export const remindersDue = eventType("reminders/due", {
  schema: z.object({ reminderId: z.string().uuid() }),
});

/** A merchandiser applied a program revision to chosen subscriptions (workbench_jobs row). */
export const workbenchApplyRequested = eventType("continuity/workbench.apply", {
  schema: z.object({ jobId: z.string().uuid() }),
});

/** An admin started a bulk operation or a version migration (workflow_operations row). */
export const workflowOperationRequested = eventType("workflow/operation.requested", {
  schema: z.object({ operationId: z.string().uuid() }),
});
