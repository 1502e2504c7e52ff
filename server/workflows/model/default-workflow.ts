import type { RetryPolicy } from "./retry-policy";
import type { Transition, WorkflowDefinition } from "./definition.schema";

const PAYMENT_RETRY: RetryPolicy = { attempts: 3, initialIntervalMs: 1_000, backoffRate: 2, maxIntervalMs: 10_000 };
const INVENTORY_RETRY: RetryPolicy = { attempts: 3, initialIntervalMs: 500, backoffRate: 2, maxIntervalMs: 5_000 };
const SERVICE_RETRY: RetryPolicy = { attempts: 3, initialIntervalMs: 1_000, backoffRate: 2, maxIntervalMs: 30_000 };
// Email providers throttle; back off longer before giving up on a notification.
const NOTIFY_RETRY: RetryPolicy = { attempts: 5, initialIntervalMs: 2_000, backoffRate: 3, maxIntervalMs: 120_000 };

const HOUR = 3_600;
const REVIEW_TIMEOUT = 48 * HOUR;
const BACKORDER_TIMEOUT = 14 * 24 * HOUR;
const DUNNING_TIMEOUT = 7 * 24 * HOUR;

const auto = { kind: "automatic" } as const;
const merchandiser = { kind: "manual", role: "merchandiser" } as const;
const admin = { kind: "manual", role: "admin" } as const;
const event = (name: string) => ({ kind: "event", event: name }) as const;
// Columns leave room between 240-px nodes for the edge labels (issue #15: the first layout was too
// dense to read); rows leave room for a node's Live-mode figures (about 170 px with actions).
const at = (col: number, row: number) => ({ x: col * 320, y: row * 220 });
const tr = (
  id: string,
  from: string,
  to: string,
  trigger: Transition["trigger"],
  priority: number,
  extra: Pick<Transition, "guard" | "isDefault"> = {},
): Transition => ({ id, from, to, trigger, priority, ...extra });

/**
 * The workflow every store starts with (see docs/workflows.md for the transition table).
 * Choices worth knowing:
 * - An unanswered review is rejected (fail closed): a large order nobody vouched for must not ship.
 * - Inventory failure goes to Backordered (not Payment Failed): the customer did nothing wrong.
 *   The payment authorization is kept; authorize_payment must be idempotent per order so
 *   re-entering Processing after a restock reuses it.
 * - Capture runs only after stock is held, so nobody is charged for goods we cannot ship.
 * - Payment Failed is a dunning state, not terminal: the customer is told and may fix the card.
 */
export function defaultWorkflowDefinition(opts: { approvalThresholdMinor: number }): WorkflowDefinition {
  const threshold = opts.approvalThresholdMinor;
  if (!Number.isSafeInteger(threshold) || threshold < 0) {
    throw new RangeError(`approvalThresholdMinor must be a non-negative integer, got ${threshold}`);
  }
  const paymentFallback = { transitionTo: "payment_failed", compensate: ["release_inventory" as const] };

  const transitions: Transition[] = [
    tr("t_created_validation", "created", "validation", auto, 0),
    tr("t_validation_rejected", "validation", "rejected", auto, 10, {
      guard: { field: "addressValid", op: "eq", value: false },
    }),
    tr("t_validation_review", "validation", "manual_review", auto, 20, {
      guard: { field: "total", op: "gt", value: threshold },
    }),
    tr("t_validation_processing", "validation", "processing", auto, 100, { isDefault: true }),
    tr("t_review_approve", "manual_review", "processing", merchandiser, 10),
    tr("t_review_reject", "manual_review", "rejected", merchandiser, 20),
    tr("t_review_cancel", "manual_review", "cancelled", admin, 30),
    tr("t_processing_ready", "processing", "ready_to_ship", auto, 0),
    tr("t_backordered_restocked", "backordered", "processing", event("inventory/restocked"), 10),
    tr("t_backordered_cancel", "backordered", "cancelled", admin, 20),
    tr("t_ready_shipped", "ready_to_ship", "shipped", event("order/shipped"), 0),
    tr("t_payment_retry", "payment_failed", "processing", event("payment/method_updated"), 10),
    tr("t_payment_failed_cancel", "payment_failed", "cancelled", admin, 20),
  ];

  return {
    schemaVersion: 1,
    states: [
      { id: "created", label: "Created", kind: "initial", position: at(0, 0), actions: [] },
      {
        id: "validation",
        label: "Validation",
        kind: "normal",
        position: at(1, 0),
        // A customs problem needs a human, not a rejection: route it to review.
        actions: [
          [
            {
              id: "a_tax_customs_check",
              type: "tax_customs_check",
              params: {},
              retry: SERVICE_RETRY,
              onFailure: { transitionTo: "manual_review" },
            },
          ],
        ],
      },
      {
        id: "manual_review",
        label: "Manual Review",
        kind: "normal",
        position: at(2, -1),
        manualReview: true,
        actions: [
          [
            {
              id: "a_require_approval",
              type: "require_approval",
              params: { approverRole: "merchandiser", timeoutSeconds: REVIEW_TIMEOUT },
              retry: SERVICE_RETRY,
            },
          ],
        ],
        timeout: { afterSeconds: REVIEW_TIMEOUT, transitionTo: "rejected" },
      },
      {
        id: "processing",
        label: "Processing",
        kind: "normal",
        position: at(3, 0),
        actions: [
          [
            {
              id: "a_authorize_payment",
              type: "authorize_payment",
              params: {},
              retry: PAYMENT_RETRY,
              onFailure: paymentFallback,
            },
            // Release lines reserved before the failure so stock isn't held while backordered.
            {
              id: "a_reserve_inventory",
              type: "reserve_inventory",
              params: {},
              retry: INVENTORY_RETRY,
              onFailure: { transitionTo: "backordered", compensate: ["release_inventory"] },
            },
          ],
          [
            {
              id: "a_capture_payment",
              type: "capture_payment",
              params: {},
              retry: PAYMENT_RETRY,
              onFailure: paymentFallback,
            },
          ],
        ],
      },
      {
        id: "backordered",
        label: "Backordered",
        kind: "normal",
        position: at(4, 1),
        actions: [],
        timeout: { afterSeconds: BACKORDER_TIMEOUT, transitionTo: "cancelled" },
      },
      { id: "ready_to_ship", label: "Ready to ship", kind: "normal", position: at(4, 0), actions: [] },
      { id: "shipped", label: "Shipped", kind: "terminal", position: at(5, 0), actions: [] },
      {
        id: "payment_failed",
        label: "Payment Failed",
        kind: "normal",
        position: at(4, 2),
        // If the customer can't even be told, waiting for a new card is pointless: cancel.
        actions: [
          [
            {
              id: "a_notify_payment_failed",
              type: "notify",
              params: { template: "payment_failed", channel: "email" },
              retry: NOTIFY_RETRY,
              onFailure: { transitionTo: "cancelled" },
            },
          ],
        ],
        timeout: { afterSeconds: DUNNING_TIMEOUT, transitionTo: "cancelled" },
      },
      { id: "rejected", label: "Rejected", kind: "terminal", position: at(3, -1), actions: [] },
      { id: "cancelled", label: "Cancelled", kind: "terminal", position: at(5, 2), actions: [] },
    ],
    transitions,
  };
}
