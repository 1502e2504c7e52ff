import { isDunningState, pauseSubscriptionForDunning, retryDunningPayment } from "@/server/payments/dunning";
import type { WorkflowDefinition, WorkflowState } from "../model";
import { fail, ok } from "../actions/action-result";
import { notifyCustomer } from "../actions/notify-customer";
import { recordAttempt } from "../actions/record-attempt";
import { applyOrderEvent } from "./apply-order-event";
import { stateEnteredEvent } from "./commit-transition";
import type { StateEntry } from "./load-state-entry";
import type { RuntimeDeps } from "./runtime-deps";
import { type RuntimeSteps } from "./runtime-steps";

/** The event whose transition takes an order out of dunning back into payment. */
export const PAYMENT_RETRY_EVENT = "payment/method_updated";

/**
 * Dunning, after the dunning state's own actions (the "payment failed" notice): retry the
 * payment on a schedule (DUNNING_RETRY_HOURS after entering); a success takes the state's
 * `payment/method_updated` transition, exactly as if the customer had fixed their card; when
 * every retry failed, pause the subscription and tell the customer. The state's timeout
 * (cancel after 7 days in the default workflow) still applies afterwards.
 * Returns true if the order left the state.
 */
export async function runDunning(
  steps: RuntimeSteps,
  deps: RuntimeDeps,
  entry: StateEntry,
  def: WorkflowDefinition,
  state: WorkflowState,
): Promise<boolean> {
  if (!isDunningState(def, state.id) || deps.dunningDelaysMs.length === 0) return false;
  let elapsed = 0;
  for (const [i, at] of deps.dunningDelaysMs.entries()) {
    const round = i + 1;
    if (at > elapsed) await steps.sleep(`dunning:wait-${round}`, at - elapsed);
    elapsed = at;
    const outcome = await steps.run(`dunning:retry-${round}`, async () => {
      const now = deps.now();
      const r = await retryDunningPayment(deps.db, deps.gateway, { orderId: entry.orderId, state: state.id, seq: entry.seq, round, now });
      if (r.kind === "left") return { kind: "left" as const };
      await recordAttempt(deps.db, {
        orderId: entry.orderId,
        seq: entry.seq,
        stateId: state.id,
        actionId: "dunning_retry",
        actionType: "authorize_payment",
        attempt: round,
        result: r.kind === "paid" ? ok() : fail(r.code),
        durationMs: 0,
        at: now,
      });
      if (r.kind === "failed") return { kind: "failed" as const };
      const moved = await applyOrderEvent(deps.db, {
        orderId: entry.orderId,
        event: PAYMENT_RETRY_EVENT,
        seq: entry.seq,
        actor: { type: "system", id: "dunning" },
        now,
        homeCountry: deps.homeCountry,
        data: { dunningRound: round },
      });
      return moved.applied ? { kind: "moved" as const, to: moved.to, seq: moved.seq, versionId: moved.versionId } : { kind: "left" as const };
    });
    if (outcome.kind === "left") return true;
    if (outcome.kind === "moved") {
      await steps.sendEvent(`dunning:enter-${round}`, [stateEnteredEvent(entry.orderId, outcome.to, outcome.versionId, outcome.seq)]);
      return true;
    }
  }
  await steps.run("dunning:pause", async () => {
    const now = deps.now();
    const paused = await pauseSubscriptionForDunning(deps.db, { orderId: entry.orderId, now });
    if (paused) {
      await notifyCustomer(deps.db, deps.sendEmail, {
        orderId: entry.orderId,
        template: "subscription_paused_dunning",
        channel: "email",
        stateLabel: state.label,
        dedupeKey: `order-${entry.orderId}-${entry.seq}-dunning-paused`,
        appUrl: deps.appUrl,
      });
    }
    return { paused: paused?.subscriptionId ?? null };
  });
  return false;
}
