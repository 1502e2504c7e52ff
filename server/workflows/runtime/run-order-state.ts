import { z } from "zod";
import { AppError } from "@/server/errors/app-error";
import { isCriticalAction, type ActionType, type WorkflowAction, type WorkflowState } from "../model";
import { type ActionRun, runAction } from "./run-action";
import { type AdvanceResult, advanceAutomatic, type Leave, leaveState } from "./advance-order";
import { auditOrder } from "./audit-order";
import { stateEnteredEvent } from "./commit-transition";
import { decideReview, roleOfUser } from "./decide-review";
import { loadStateEntry, type StateEntry } from "./load-state-entry";
import { runDunning } from "./run-dunning";
import type { RuntimeDeps } from "./runtime-deps";
import type { RuntimeEvent, RuntimeSteps } from "./runtime-steps";
import { settleTerminalOrder } from "./settle-terminal-order";
import { loadVersion } from "../store/load-definition";

export type RunOutcome = AdvanceResult | { kind: "stale" | "terminal" | "waiting" | "left" | "decided" };

export type StateEnteredInput = { orderId: string; state: string; versionId: number; seq?: number };

const COMPENSABLE = ["authorize_payment", "capture_payment", "reserve_inventory", "release_inventory", "tax_customs_check"] as const;
type Compensable = (typeof COMPENSABLE)[number];
const isCompensable = (t: ActionType): t is Compensable => (COMPENSABLE as readonly string[]).includes(t);

const decisionSchema = z.object({ decision: z.enum(["approve", "reject"]), actorId: z.string(), note: z.string().optional() });

/**
 * One visit of one state (docs/workflow-runtime.md): run the action groups (parallel within a
 * group, each action under its own retry policy), then leave by the first failed action's
 * fallback, or by the automatic transition the guards pick; otherwise wait — for a decision,
 * dunning retries, or the state's timeout. Every move is a guarded commit plus an audit row,
 * followed by the next state's event (deterministic id). Safe to run twice for one visit:
 * actions are idempotent and only one commit can win.
 */
export async function runOrderState(steps: RuntimeSteps, deps: RuntimeDeps, input: StateEnteredInput): Promise<RunOutcome> {
  const entry = await steps.run("load", () => loadStateEntry(deps.db, input));
  if (!entry) return { kind: "stale" };
  const { definition } = await loadVersion(deps.db, entry.versionId);
  const state = definition.states.find((s) => s.id === entry.state);
  if (!state) return { kind: "stuck", reason: "unknown_state" };

  const attempts: Record<string, number> = {};
  for (const group of state.actions) {
    const runs = await Promise.all(group.map((a) => runAction(steps, deps, entry, state, a)));
    for (const r of runs) attempts[r.actionId] = r.attempts;
    const decided = runs.find((r): r is Extract<ActionRun, { decision: RuntimeEvent }> => "decision" in r);
    if (decided) return applyDecision(steps, deps, entry, decided.decision);
    // After the join, the first failed action in declaration order decides (docs/workflows.md).
    for (const [i, action] of group.entries()) {
      const r = runs[i];
      if (!r || r.ok) continue;
      const error = "error" in r ? r.error : "failed";
      const leave = failureExit(state, action, error);
      if (leave) return move(steps, deps, entry, await compensate(steps, deps, entry, state, action, leave), attempts);
      if (isCriticalAction(action.type) || action.type === "require_approval") {
        await steps.run(`${action.id}:unhandled`, () =>
          auditOrder(deps.db, {
            orderId: entry.orderId,
            action: "action_failed",
            state: state.id,
            now: deps.now(),
            data: { actionId: action.id, error, handled: false, seq: entry.seq },
          }),
        );
        return { kind: "stuck", reason: `unhandled_failure:${action.id}` };
      }
      await steps.run(`${action.id}:best-effort`, () =>
        auditOrder(deps.db, {
          orderId: entry.orderId,
          action: "action_failed",
          state: state.id,
          now: deps.now(),
          data: { actionId: action.id, error, handled: true, bestEffort: true, seq: entry.seq },
        }),
      );
    }
  }

  if (state.kind === "terminal") {
    await steps.run("settle", () => settleTerminalOrder(deps.db, deps.gateway, { orderId: entry.orderId, state: state.id, now: deps.now() }));
    return { kind: "terminal" };
  }
  const next = await steps.run("advance", () => advanceAutomatic(deps, entry, definition, attempts));
  if (next.kind !== "wait") return announce(steps, entry, next);

  if (await runDunning(steps, deps, entry, definition, state)) return { kind: "left" };
  if (!state.timeout) return { kind: "waiting" };
  // Ends early when the order enters any next state (an event or a decision moved it).
  const deadline = Date.parse(entry.enteredAt) + state.timeout.afterSeconds * 1000;
  // Memoised, so every replay of this run takes the same branch.
  const remaining = await steps.run("timeout-remaining", async () => deadline - deps.now().getTime());
  if (remaining > 0) {
    const exited = await steps.waitForEvent("await-exit", {
      event: "order/state.entered",
      orderId: entry.orderId,
      timeoutMs: Math.max(1_000, remaining),
    });
    if (exited) return { kind: "left" };
  }
  const timeout = {
    to: state.timeout.transitionTo,
    via: "timeout" as const,
    edgeId: `${state.id}:timeout`,
    firedGuard: `timeout after ${state.timeout.afterSeconds}s`,
  };
  return move(steps, deps, entry, timeout, attempts);
}

/** Where a finally-failed action sends the order, or null if nothing handles it. */
function failureExit(state: WorkflowState, action: WorkflowAction, error: string): Leave | null {
  if (action.onFailure) {
    return {
      to: action.onFailure.transitionTo,
      via: "on_failure",
      edgeId: `${action.id}:on_failure`,
      firedGuard: `${action.id} failed`,
      failed: { actionId: action.id, error },
    };
  }
  // An expired approval leaves through the state's timeout.
  if (action.type === "require_approval" && state.timeout) {
    return {
      to: state.timeout.transitionTo,
      via: "timeout",
      edgeId: `${state.id}:timeout`,
      firedGuard: `${action.id} timed out`,
      failed: { actionId: action.id, error },
    };
  }
  return null;
}

/** Runs the failed action's compensations (e.g. release_inventory), each once, before leaving. */
async function compensate(
  steps: RuntimeSteps,
  deps: RuntimeDeps,
  entry: StateEntry,
  state: WorkflowState,
  action: WorkflowAction,
  leave: Leave,
): Promise<Leave> {
  const done: NonNullable<Leave["compensated"]> = [];
  for (const type of action.onFailure?.compensate ?? []) {
    if (!isCompensable(type)) {
      done.push({ type, ok: false, error: "not_compensable" });
      continue;
    }
    const synthetic: WorkflowAction = {
      id: `${action.id}:compensate:${type}`,
      type,
      params: {},
      retry: { attempts: 1, initialIntervalMs: 0, backoffRate: 1, maxIntervalMs: 0 },
    };
    const r = await steps.run(`${action.id}:compensate-${type}`, () =>
      deps.executor.execute({
        orderId: entry.orderId,
        stateId: state.id,
        stateLabel: state.label,
        seq: entry.seq,
        versionId: entry.versionId,
        action: synthetic,
        attempt: 1,
        idempotencyKey: `order-${entry.orderId}-${entry.seq}-${synthetic.id}`,
        now: deps.now(),
      }),
    );
    done.push(r.ok ? { type, ok: true } : { type, ok: false, error: r.error });
  }
  return done.length > 0 ? { ...leave, compensated: done } : leave;
}

async function move(steps: RuntimeSteps, deps: RuntimeDeps, entry: StateEntry, leave: Leave, attempts: Record<string, number>): Promise<RunOutcome> {
  const r = await steps.run(`leave:${leave.edgeId}`, () => leaveState(deps, entry, leave, attempts));
  return announce(steps, entry, r);
}

async function announce(steps: RuntimeSteps, entry: StateEntry, r: AdvanceResult): Promise<RunOutcome> {
  if (r.kind === "moved") await steps.sendEvent("enter-next", [stateEnteredEvent(entry.orderId, r.to, entry.versionId, r.seq)]);
  return r;
}

/**
 * A decision arrived while the approval waited. The review API has normally committed it
 * already (then this is a no-op CONFLICT); an approval event sent some other way is applied here.
 */
async function applyDecision(steps: RuntimeSteps, deps: RuntimeDeps, entry: StateEntry, event: RuntimeEvent): Promise<RunOutcome> {
  const r = await steps.run("apply-decision", async () => {
    const parsed = decisionSchema.safeParse(event.data);
    if (!parsed.success) return { kind: "ignored" as const };
    const role = await roleOfUser(deps.db, parsed.data.actorId);
    if (!role) return { kind: "ignored" as const };
    try {
      const d = await decideReview(deps.db, {
        orderId: entry.orderId,
        decision: parsed.data.decision,
        userId: parsed.data.actorId,
        role,
        note: parsed.data.note,
        seq: entry.seq,
        now: deps.now(),
        homeCountry: deps.homeCountry,
      });
      return { kind: "moved" as const, to: d.to, seq: d.seq };
    } catch (e) {
      if (e instanceof AppError) return { kind: "ignored" as const };
      throw e;
    }
  });
  if (r.kind === "moved") await steps.sendEvent("enter-next", [stateEnteredEvent(entry.orderId, r.to, entry.versionId, r.seq)]);
  return { kind: "decided" };
}
