import { test, type Compiled } from "./expressions";
import type { InngestEvent } from "./types";

/**
 * Open `step.waitForEvent` registrations. Only events received after the wait
 * was registered can satisfy it (as in Inngest). In the `if` expression
 * `event` is the run's triggering event and `async` the candidate event.
 */
export interface Waiter {
  runId: string;
  stepId: string;
  eventName: string;
  condition?: Compiled;
  runEvent: InngestEvent;
  resolve(event: InngestEvent): void;
}

export class Waiters {
  private readonly open = new Map<number, Waiter>();
  private nextId = 1;

  add(waiter: Waiter): number {
    const id = this.nextId++;
    this.open.set(id, waiter);
    return id;
  }

  remove(id: number | undefined): void {
    if (id !== undefined) this.open.delete(id);
  }

  get size(): number {
    return this.open.size;
  }

  /** Resolves every waiter the event satisfies; one event may release many runs. */
  offer(event: InngestEvent): number {
    const matched: [number, Waiter][] = [];
    for (const entry of this.open) {
      const [, w] = entry;
      if (w.eventName !== event.name) continue;
      if (w.condition && !test(w.condition, { event: w.runEvent, async: event })) continue;
      matched.push(entry);
    }
    for (const [id, w] of matched) {
      this.open.delete(id);
      w.resolve(event);
    }
    return matched.length;
  }
}
