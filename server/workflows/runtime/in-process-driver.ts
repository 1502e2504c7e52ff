import { mapLimit } from "@/server/lib/map-limit";
import { driveOrders, type Visit } from "./drive-orders";
import type { RuntimeDeps } from "./runtime-deps";
import { type RunOutcome, runOrderState, type StateEnteredInput } from "./run-order-state";
import type { RuntimeEvent, RuntimeSteps } from "./runtime-steps";

/**
 * Drives the runtime without Inngest, routed as the functions route it: order/state.entered →
 * the batch driver (all queued at once), order/state.run → the per-order run. Steps run inline,
 * sleeps are skipped, waits resolve at once (with `waitFor`'s answer, default: the timeout).
 * For benchmarks and tests of runtime logic; production uses Inngest (durability, real waits).
 */
export function createInProcessDriver(
  deps: RuntimeDeps,
  opts: { parallelism?: number; waitFor?: (event: string, orderId: string) => RuntimeEvent | null } = {},
) {
  const queue: RuntimeEvent[] = [];
  const sent: RuntimeEvent[] = [];
  const seenIds = new Set<string>();
  const enqueue = (events: RuntimeEvent | RuntimeEvent[]) => {
    for (const e of [events].flat()) {
      // Inngest drops a repeated event id; so does this driver.
      if (e.id && seenIds.has(e.id)) continue;
      if (e.id) seenIds.add(e.id);
      sent.push(e);
      if (e.name === "order/state.entered" || e.name === "order/state.run") queue.push(e);
    }
  };
  const steps: RuntimeSteps = {
    run: (_id, fn) => fn(),
    sleep: async () => {},
    waitForEvent: async (_id, o) => opts.waitFor?.(o.event, o.orderId) ?? null,
    sendEvent: async (_id, events) => enqueue(events),
  };
  const parallelism = opts.parallelism ?? 4;
  return {
    sent,
    enqueue,
    /** Runs queued work until none is left (or `maxRounds`); returns the per-order run outcomes. */
    async drain(maxRounds = 10_000): Promise<RunOutcome[]> {
      const outcomes: RunOutcome[] = [];
      for (let round = 0; queue.length > 0 && round < maxRounds; round++) {
        const batch = queue.splice(0, queue.length);
        const entered = batch.filter((e) => e.name === "order/state.entered").map((e) => ({ ...(e.data as Visit), eventId: e.id }));
        if (entered.length > 0) enqueue((await driveOrders(deps, entered, { parallelism })).events);
        const runs = batch.filter((e) => e.name === "order/state.run");
        outcomes.push(...(await mapLimit(runs, parallelism, (e) => runOrderState(steps, deps, e.data as StateEnteredInput))));
      }
      return outcomes;
    },
  };
}
