/**
 * All executor timers in one place so `stop()` can clear them, `waitForIdle()`
 * can tell "work is scheduled" from "waiting on the outside world", and dev/CI
 * can fast-forward sleeps (`fire("sleep")`).
 */

export type TimerKind = "sleep" | "retry" | "wait-timeout" | "invoke-timeout" | "sync" | "cron" | "batch";

interface Timer {
  kind: TimerKind;
  dueAt: number;
  fn: () => void;
  handle?: ReturnType<typeof setTimeout>;
}

/** setTimeout overflows (fires at once) above 2^31-1 ms, ~24.8 days. */
const maxDelay = 2_147_483_647;

/** Kinds that mean "the executor will do more work by itself". */
const busyKinds: TimerKind[] = ["sleep", "retry", "batch"];

export class TimerSet {
  private readonly timers = new Map<number, Timer>();
  private nextId = 1;

  schedule(kind: TimerKind, delayMs: number, fn: () => void): number {
    const id = this.nextId++;
    const timer: Timer = { kind, dueAt: Date.now() + Math.max(0, delayMs), fn };
    this.timers.set(id, timer);
    this.arm(id, timer);
    return id;
  }

  cancel(id: number | undefined): void {
    if (id === undefined) return;
    const t = this.timers.get(id);
    if (t?.handle) clearTimeout(t.handle);
    this.timers.delete(id);
  }

  /** Fires matching timers now; returns how many fired. */
  fire(kind: TimerKind): number {
    const due = [...this.timers.entries()].filter(([, t]) => t.kind === kind);
    for (const [id] of due) this.trigger(id);
    return due.length;
  }

  busy(): boolean {
    for (const t of this.timers.values()) if (busyKinds.includes(t.kind)) return true;
    return false;
  }

  count(kind: TimerKind): number {
    let n = 0;
    for (const t of this.timers.values()) if (t.kind === kind) n++;
    return n;
  }

  clear(): void {
    for (const t of this.timers.values()) if (t.handle) clearTimeout(t.handle);
    this.timers.clear();
  }

  private arm(id: number, timer: Timer): void {
    const wait = Math.min(maxDelay, Math.max(0, timer.dueAt - Date.now()));
    timer.handle = setTimeout(() => {
      // Long sleeps are chained through several setTimeouts.
      if (Date.now() < timer.dueAt) this.arm(id, timer);
      else this.trigger(id);
    }, wait);
  }

  private trigger(id: number): void {
    const t = this.timers.get(id);
    if (!t) return;
    if (t.handle) clearTimeout(t.handle);
    this.timers.delete(id);
    t.fn();
  }
}
