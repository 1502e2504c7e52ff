import { retryDelayMs, type WorkflowAction, type WorkflowState } from "../model";
import type { ActionResult } from "../actions/action-result";
import { recordAttempt } from "../actions/record-attempt";
import type { RuntimeDeps } from "./runtime-deps";
import type { RuntimeEvent, RuntimeSteps } from "./runtime-steps";
import type { StateEntry } from "./load-state-entry";

export type ActionRun =
  | { actionId: string; ok: true; attempts: number }
  | { actionId: string; ok: false; attempts: number; error: string }
  /** A require_approval wait ended by a decision: the decision moves the order. */
  | { actionId: string; ok: true; attempts: number; decision: RuntimeEvent };

/** One try, recorded; never throws for action failures (only for infrastructure errors). */
export async function attemptAction(
  deps: RuntimeDeps,
  entry: StateEntry,
  state: WorkflowState,
  action: WorkflowAction,
  attempt: number,
): Promise<ActionResult> {
  const now = deps.now();
  const started = performance.now();
  const result = await deps.executor.execute({
    orderId: entry.orderId,
    stateId: state.id,
    stateLabel: state.label,
    seq: entry.seq,
    versionId: entry.versionId,
    action,
    attempt,
    idempotencyKey: `order-${entry.orderId}-${entry.seq}-${action.id}-${attempt}`,
    now,
  });
  await recordAttempt(deps.db, {
    orderId: entry.orderId,
    seq: entry.seq,
    stateId: state.id,
    actionId: action.id,
    actionType: action.type,
    attempt,
    result,
    durationMs: performance.now() - started,
    at: now,
  });
  return result;
}

/**
 * Runs one action under its own retry policy: each try is a step, and the backoff between
 * tries is a durable sleep (retryDelayMs), so a policy of "3 tries, 1 s then 2 s" holds even
 * if the process restarts in between. Inngest's function-level retries stay for
 * infrastructure errors (the database being down), not for business failures.
 */
export async function runAction(
  steps: RuntimeSteps,
  deps: RuntimeDeps,
  entry: StateEntry,
  state: WorkflowState,
  action: WorkflowAction,
): Promise<ActionRun> {
  if (action.type === "require_approval") {
    // Measured from entering the state, so a re-driven run does not restart the clock.
    const deadline = Date.parse(entry.enteredAt) + (action.params.timeoutSeconds ?? state.timeout?.afterSeconds ?? 86_400) * 1000;
    const remaining = await steps.run(`${action.id}:remaining`, async () => deadline - deps.now().getTime());
    if (remaining <= 0) return { actionId: action.id, ok: false, attempts: 1, error: "approval_expired" };
    const decision = await steps.waitForEvent(`${action.id}:await-decision`, {
      event: "order/approval.decided",
      orderId: entry.orderId,
      timeoutMs: Math.max(1_000, remaining),
    });
    return decision
      ? { actionId: action.id, ok: true, attempts: 1, decision }
      : { actionId: action.id, ok: false, attempts: 1, error: "approval_expired" };
  }
  for (let attempt = 1; ; attempt++) {
    const result = await steps.run(`${action.id}:attempt-${attempt}`, () => attemptAction(deps, entry, state, action, attempt));
    if (result.ok) return { actionId: action.id, ok: true, attempts: attempt };
    if (!result.retryable || attempt >= action.retry.attempts) {
      return { actionId: action.id, ok: false, attempts: attempt, error: result.error };
    }
    const delay = retryDelayMs(action.retry, attempt);
    if (delay > 0) await steps.sleep(`${action.id}:backoff-${attempt}`, delay);
  }
}
