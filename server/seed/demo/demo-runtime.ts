import { driveOrders, type Visit } from "@/server/workflows/runtime/drive-orders";
import { loadStateEntry } from "@/server/workflows/runtime/load-state-entry";
import { type RunOutcome, runOrderState, type StateEnteredInput } from "@/server/workflows/runtime/run-order-state";
import type { RuntimeDeps } from "@/server/workflows/runtime/runtime-deps";
import type { RuntimeEvent, RuntimeSteps } from "@/server/workflows/runtime/runtime-steps";
import { startAndDriveOrders } from "@/server/workflows/runtime/start-and-drive-orders";

/** Thrown by a step that would wait: the run is parked until simulated time reaches `wakeAt`. */
class Parked extends Error {
  constructor(readonly wakeAt: number) {
    super("parked");
  }
}

type ParkedRun = { input: StateEnteredInput; wakeAt: number; memo: Map<string, unknown>; timers: Map<string, number> };

/**
 * The workflow runtime driven as Inngest drives it — order/created → start and batch-drive,
 * order/state.entered → batch driver, order/state.run → the per-order durable run — but on
 * the seed's simulated clock: a durable run that sleeps or waits is parked with its memoised
 * steps and resumed when the clock passes its wake time (a retry's backoff, dunning rounds,
 * a review or backorder timeout), exactly like a real durable run would be. A parked run whose
 * order moved meanwhile (a review decision, a shipment) is dropped, as Inngest's run ends
 * when the event it waits for arrives.
 */
export function createDemoRuntime(deps: RuntimeDeps, opts: { parallelism?: number } = {}) {
  const parallelism = opts.parallelism ?? 4;
  const queue: RuntimeEvent[] = [];
  const seen = new Set<string>();
  const parked = new Map<string, ParkedRun>();

  const enqueue = (events: readonly RuntimeEvent[]) => {
    for (const e of events) {
      if (e.id && seen.has(e.id)) continue; // Inngest drops a repeated event id.
      if (e.id) seen.add(e.id);
      queue.push(e);
    }
  };

  const stepsFor = (run: ParkedRun): RuntimeSteps => {
    const timer = (id: string, ms: number) => {
      const now = deps.now().getTime();
      if (!run.timers.has(id)) run.timers.set(id, now + ms);
      const wakeAt = run.timers.get(id)!;
      if (now < wakeAt) throw new Parked(wakeAt);
    };
    return {
      run: async (id, fn) => {
        if (run.memo.has(id)) return run.memo.get(id) as never;
        const value = await fn();
        run.memo.set(id, value);
        return value;
      },
      sleep: async (id, ms) => timer(id, ms),
      // Events that would end a wait are committed against the database directly (decisions,
      // shipments); the run then finds its visit stale. So a wait here only ever times out.
      waitForEvent: async (id, o) => {
        timer(id, o.timeoutMs);
        return null;
      },
      sendEvent: async (_id, events) => enqueue(events),
    };
  };

  const execute = async (run: ParkedRun): Promise<RunOutcome | "parked"> => {
    try {
      const outcome = await runOrderState(stepsFor(run), deps, run.input);
      parked.delete(run.input.orderId);
      return outcome;
    } catch (e) {
      if (!(e instanceof Parked)) throw e;
      run.wakeAt = e.wakeAt;
      parked.set(run.input.orderId, run);
      return "parked";
    }
  };

  return {
    enqueue,
    parkedCount: () => parked.size,
    /** Runs everything queued until nothing is left. `maxHops` bounds the batch driver (orders left mid-way). */
    async drain(o: { maxHops?: number } = {}) {
      while (queue.length > 0) {
        const batch = queue.splice(0, queue.length);
        const created = batch.filter((e) => e.name === "order/created").map((e) => String(e.data.orderId));
        if (created.length > 0) enqueue((await startAndDriveOrders(deps, created, { parallelism })).events);
        const entered = batch.filter((e) => e.name === "order/state.entered").map((e) => ({ ...(e.data as Visit), eventId: e.id }));
        if (entered.length > 0) enqueue((await driveOrders(deps, entered, { parallelism, maxHops: o.maxHops })).events);
        const runs = batch.filter((e) => e.name === "order/state.run");
        // One at a time, so the demo stays deterministic (which run gets the last unit of a scarce
        // product must not depend on timing); the batch driver above is set-based.
        for (const e of runs) await execute({ input: e.data as StateEnteredInput, wakeAt: 0, memo: new Map(), timers: new Map() });
        if (o.maxHops !== undefined) return; // leave what the hops did not reach in the queue's wake
      }
    },
    /** Resumes parked runs whose wake time has come (the clock moved); drops ones whose order moved on. */
    async wake() {
      const now = deps.now().getTime();
      const due = [...parked.values()].filter((r) => r.wakeAt <= now);
      for (const run of due) {
        if (await loadStateEntry(deps.db, run.input)) await execute(run);
        else parked.delete(run.input.orderId);
      }
    },
    /** Drops queued work (orders left where they are, for the live app's sweeper to pick up). */
    discardQueue: () => queue.splice(0, queue.length).length,
  };
}
