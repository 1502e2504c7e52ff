import type { WorkflowAction } from "../model";

/**
 * What one try of an action reports. `retryable: false` skips the remaining attempts (retrying
 * cannot help, e.g. no payment method on file); everything else follows the retry policy.
 * `error` is a short safe code/message for staff, never a stack trace.
 */
export type ActionResult = { ok: true; detail?: Record<string, unknown> } | { ok: false; error: string; retryable: boolean };

/** Everything an action implementation needs to know about the try it is making. */
export type ActionInput = {
  orderId: string;
  stateId: string;
  /** The state visit (orders.transition_seq on entry). */
  seq: number;
  versionId: number;
  stateLabel: string;
  action: WorkflowAction;
  attempt: number;
  /** Stable for this visit, action and attempt: gateways and webhook receivers dedupe on it. */
  idempotencyKey: string;
  now: Date;
};

export interface ActionExecutor {
  execute(input: ActionInput): Promise<ActionResult>;
  /**
   * The same action's tries for many orders at once (the batch driver's): set-based where the
   * action allows, results in input order. Optional: without it, `execute` runs per order.
   */
  executeMany?(inputs: readonly ActionInput[], opts: { parallelism: number }): Promise<ActionResult[]>;
}

export const ok = (detail?: Record<string, unknown>): ActionResult => ({ ok: true, ...(detail ? { detail } : {}) });
export const fail = (error: string, retryable = true): ActionResult => ({ ok: false, error, retryable });
