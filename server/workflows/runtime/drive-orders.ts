import "server-only";
import { mapLimit } from "@/server/lib/map-limit";
import type { ActionInput } from "../actions/action-result";
import { recordAttempts, type AttemptRow } from "../actions/record-attempt";
import type { ActionType, WorkflowDefinition, WorkflowState } from "../model";
import { isDunningState } from "@/server/payments/dunning";
import { loadVersion } from "../store/load-definition";
import { automaticExit } from "./advance-order";
import { commitTransitions, stateEnteredEvent, type TransitionRequest } from "./commit-transition";
import { loadStateEntries, type StateEntry } from "./load-state-entry";
import { orderFactsMany } from "./order-facts";
import { settleTerminalOrders } from "./settle-terminal-order";
import type { RuntimeDeps } from "./runtime-deps";
import { SYSTEM, type RuntimeEvent } from "./runtime-steps";

/** A state visit to drive: the data of an order/state.entered event, and that event's id. */
export type Visit = { orderId: string; state: string; versionId: number; seq?: number; eventId?: string };

export type DriveResult = {
  /** Transitions committed by this call (not counting ones found already committed). */
  moved: number;
  /** Visits given to a per-order durable run (order/state.run). */
  handedOff: number;
  /** Orders now waiting for an event or a person, with nothing to run. */
  waiting: number;
  stale: number;
  stuck: number;
  /** Orders that reached a final state and were settled (stock consumed or given back, money released). */
  settled: number;
  /** Events to send after the step: hand-offs, and visits left when `maxHops` ran out. */
  events: RuntimeEvent[];
};

/**
 * Actions the batch driver runs itself: quick, idempotent per order and visit, and needing no
 * durable wait. Their first try runs here (and a final state is settled here); anything else —
 * a retry with backoff, an approval, a notification or webhook (slow, third-party), a timeout,
 * dunning — belongs to the per-order durable run (run-order-state.ts), which replays the same
 * idempotency keys, so handing over never repeats an effect.
 */
const INLINE_ACTIONS: ReadonlySet<ActionType> = new Set<ActionType>([
  "tax_customs_check",
  "reserve_inventory",
  "release_inventory",
  "authorize_payment",
  "capture_payment",
]);

const runsInline = (state: WorkflowState) => !state.manualReview && state.actions.every((g) => g.every((a) => INLINE_ACTIONS.has(a.type)));

/** A state the order waits in that still needs a run: a timeout to fire, or dunning retries. */
const needsRunWhileWaiting = (def: WorkflowDefinition, state: WorkflowState) => Boolean(state.timeout) || isDunningState(def, state.id);

/** The per-order durable run of one visit. The id derives from the event that asked for it, so a redrive gets a new run. */
export function stateRunEvent(e: StateEntry, eventId?: string): RuntimeEvent {
  return {
    name: "order/state.run",
    id: `${eventId ?? `order-${e.orderId}-${e.seq}`}-run`,
    data: { orderId: e.orderId, state: e.state, versionId: e.versionId, seq: e.seq },
  };
}

/**
 * First tries of a state's actions for a group of orders, action group after action group:
 * each action runs once for all orders still in the running (set-based where the executor
 * can), actions of one group side by side. An order leaves the running at its first failure.
 */
async function runActions(
  deps: RuntimeDeps,
  group: readonly StateEntry[],
  state: WorkflowState,
  rows: AttemptRow[],
  parallelism: number,
): Promise<{ passed: StateEntry[]; failed: StateEntry[] }> {
  let alive = [...group];
  const failed: StateEntry[] = [];
  for (const actions of state.actions) {
    if (alive.length === 0) break;
    const perAction = await Promise.all(
      actions.map(async (action) => {
        const at = deps.now();
        const started = performance.now();
        const inputs: ActionInput[] = alive.map((e) => ({
          orderId: e.orderId,
          stateId: state.id,
          stateLabel: state.label,
          seq: e.seq,
          versionId: e.versionId,
          action,
          attempt: 1,
          idempotencyKey: `order-${e.orderId}-${e.seq}-${action.id}-1`,
          now: at,
        }));
        const results = deps.executor.executeMany
          ? await deps.executor.executeMany(inputs, { parallelism })
          : await mapLimit(inputs, parallelism, (i) => deps.executor.execute(i));
        // A set-based try has one duration; each order's row gets its share.
        const durationMs = (performance.now() - started) / inputs.length;
        results.forEach((result, i) =>
          rows.push({
            orderId: inputs[i]!.orderId,
            seq: inputs[i]!.seq,
            stateId: state.id,
            actionId: action.id,
            actionType: action.type,
            attempt: 1,
            result,
            durationMs,
            at,
          }),
        );
        return results;
      }),
    );
    const next: StateEntry[] = [];
    alive.forEach((e, i) => (perAction.every((results) => results[i]?.ok) ? next : failed).push(e));
    alive = next;
  }
  return { passed: alive, failed };
}

/** Moves out of a state for the orders whose actions passed: guards on fresh facts, one request each. */
async function chooseExits(
  deps: RuntimeDeps,
  definition: WorkflowDefinition,
  state: WorkflowState,
  done: readonly StateEntry[],
  now: Date,
  on: { stuck: (e: StateEntry) => void; waiting: (e: StateEntry) => void },
): Promise<TransitionRequest[]> {
  const facts = await orderFactsMany(
    deps.db,
    done.map((e) => e.orderId),
    deps.homeCountry,
  );
  const attempts = Object.fromEntries(state.actions.flat().map((a) => [a.id, 1]));
  const requests: TransitionRequest[] = [];
  for (const e of done) {
    const f = facts.get(e.orderId);
    if (!f) continue; // deleted meanwhile
    const chosen = await automaticExit(deps, definition, e, f, now);
    if (chosen === "guard_error") {
      on.stuck(e);
      continue;
    }
    if (!chosen) {
      on.waiting(e);
      continue;
    }
    requests.push({
      orderId: e.orderId,
      from: e.state,
      seq: e.seq,
      to: chosen.transition.to,
      versionId: e.versionId,
      via: "transition",
      edgeId: chosen.transition.id,
      firedGuard: chosen.firedGuard,
      inputs: chosen.inputs,
      attempts,
      actor: SYSTEM,
      now,
    });
  }
  return requests;
}

/**
 * Drives many orders' state visits at once — the renewal-day path. For each group of orders in
 * the same state: the inline actions' first tries (set-based, gateway calls `parallelism` at a
 * time, none inside a transaction), their attempt rows in one statement, the guards' facts in
 * one query, and every chosen transition committed in one guarded statement with its audit
 * rows. Orders that moved are driven on through the next automatic state, up to `maxHops`.
 *
 * Every guarantee of the per-order run holds: a transition commits only from the visit it was
 * decided on (state + transition_seq), once, with its audit row; effects are idempotent per
 * visit, so a retried step or a duplicate event repeats nothing; the version is the pinned one.
 */
export async function driveOrders(
  deps: RuntimeDeps,
  visits: readonly Visit[],
  opts: { parallelism: number; maxHops?: number },
): Promise<DriveResult> {
  const result: DriveResult = { moved: 0, handedOff: 0, waiting: 0, stale: 0, stuck: 0, settled: 0, events: [] };
  const eventIds = new Map(visits.map((v) => [v.orderId, v.eventId]));
  const handOff = (e: StateEntry) => {
    result.handedOff++;
    result.events.push(stateRunEvent(e, eventIds.get(e.orderId)));
  };

  /** One (version, state) group: returns the visits it moved on to. */
  const driveGroup = async (group: StateEntry[]): Promise<StateEntry[]> => {
    const first = group[0] as StateEntry;
    const { definition } = await loadVersion(deps.db, first.versionId);
    const state = definition.states.find((s) => s.id === first.state);
    if (!state) {
      result.stuck += group.length;
      return [];
    }
    if (!runsInline(state)) {
      group.forEach(handOff);
      return [];
    }
    const rows: AttemptRow[] = [];
    const { passed, failed } = await runActions(deps, group, state, rows, opts.parallelism);
    await recordAttempts(deps.db, rows);
    failed.forEach(handOff); // the durable run retries, falls back or compensates
    const now = deps.now();
    if (state.kind === "terminal") {
      await settleTerminalOrders(
        deps.db,
        deps.gateway,
        passed.map((e) => ({ orderId: e.orderId, state: e.state, now })),
        opts,
      );
      result.settled += passed.length;
      return [];
    }
    const requests = await chooseExits(deps, definition, state, passed, now, {
      stuck: () => result.stuck++,
      waiting: (e) => {
        if (needsRunWhileWaiting(definition, state)) handOff(e);
        else result.waiting++;
      },
    });
    const commits = await commitTransitions(deps.db, requests);
    // Requests chosen from a pinned definition always carry its version.
    return commits.flatMap((c, i) => {
      const r = requests[i] as TransitionRequest;
      if (!c.committed) return []; // someone else moved it first; their event drives it
      if (!c.replayed) result.moved++;
      eventIds.delete(r.orderId);
      return [{ orderId: r.orderId, state: r.to, seq: c.seq, versionId: r.versionId!, enteredAt: now.toISOString() }];
    });
  };

  let entries = await loadStateEntries(deps.db, visits);
  result.stale = new Set(visits.map((v) => v.orderId)).size - entries.length;
  for (let hop = 0; entries.length > 0 && hop < (opts.maxHops ?? 16); hop++) {
    const groups = new Map<string, StateEntry[]>();
    for (const e of entries) {
      const key = `${e.versionId}\u0000${e.state}`;
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    const next: StateEntry[] = [];
    for (const group of groups.values()) next.push(...(await driveGroup(group)));
    // Re-read: only visits that are still current go on (a replayed commit may be old news).
    entries = await loadStateEntries(deps.db, next);
  }
  // Chains longer than maxHops (a loop in a custom workflow) continue in a later batch.
  for (const e of entries) result.events.push(stateEnteredEvent(e.orderId, e.state, e.versionId, e.seq));
  return result;
}
