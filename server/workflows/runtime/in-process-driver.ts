import type { RuntimeDeps } from "./runtime-deps";
import { type RunOutcome, runOrderState, type StateEnteredInput } from "./run-order-state";
import type { RuntimeEvent, RuntimeSteps } from "./runtime-steps";

/**
 * Drives the runtime without Inngest: steps run inline, sleeps are skipped, waits resolve at
 * once (with `waitFor`'s answer, default: the timeout), and sent state-entered events are
 * queued and run by `drain`. For the benchmark and tests of runtime logic; production uses
 * Inngest (durability, real waits). Same runOrderState code path either way.
 */
export function createInProcessDriver(deps: RuntimeDeps, opts: { waitFor?: (event: string, orderId: string) => RuntimeEvent | null } = {}) {
  const queue: RuntimeEvent[] = [];
  const sent: RuntimeEvent[] = [];
  const seenIds = new Set<string>();
  const steps: RuntimeSteps = {
    run: (_id, fn) => fn(),
    sleep: async () => {},
    waitForEvent: async (_id, o) => opts.waitFor?.(o.event, o.orderId) ?? null,
    sendEvent: async (_id, events) => {
      for (const e of events) {
        // Inngest drops a repeated event id; so does this driver.
        if (e.id && seenIds.has(e.id)) continue;
        if (e.id) seenIds.add(e.id);
        sent.push(e);
        if (e.name === "order/state.entered") queue.push(e);
      }
    },
  };
  return {
    sent,
    run: (input: StateEnteredInput): Promise<RunOutcome> => runOrderState(steps, deps, input),
    /** Runs queued state entries until none are left (or `maxRuns`); returns the outcomes. */
    async drain(maxRuns = 10_000): Promise<RunOutcome[]> {
      const outcomes: RunOutcome[] = [];
      for (let e = queue.shift(); e && outcomes.length < maxRuns; e = queue.shift()) {
        outcomes.push(await runOrderState(steps, deps, e.data as StateEnteredInput));
      }
      return outcomes;
    },
    enqueue: (e: RuntimeEvent) => queue.push(e),
  };
}
