import type { LocalFunction } from "./config";
import type { TimerSet } from "./timers";
import type { InngestEvent } from "./types";

type Buffer = { fn: LocalFunction; events: InngestEvent[]; timer: number };

/**
 * `batchEvents`: events for a batching function are buffered per function and batch key; a
 * run starts with the buffer when it reaches `maxSize`, or `timeout` after its first event —
 * as Inngest does. The buffer is memory only: an event lost with it is re-driven from
 * Postgres by the app's sweepers, like any lost run.
 */
export class Batcher {
  private readonly buffers = new Map<string, Buffer>();

  constructor(
    private readonly timers: TimerSet,
    private readonly start: (fn: LocalFunction, events: InngestEvent[]) => void,
  ) {}

  add(fn: LocalFunction, event: InngestEvent): void {
    const batch = fn.batch;
    if (!batch) return this.start(fn, [event]);
    const raw = batch.key?.evaluate({ event });
    const id = `${fn.id}\u0000${batch.key ? (typeof raw === "string" ? raw : JSON.stringify(raw ?? null)) : ""}`;
    let buffer = this.buffers.get(id);
    if (!buffer) {
      buffer = { fn, events: [], timer: this.timers.schedule("batch", batch.timeoutMs, () => this.flush(id)) };
      this.buffers.set(id, buffer);
    }
    buffer.events.push(event);
    if (buffer.events.length >= batch.maxSize) this.flush(id);
  }

  /** Buffered events per function id (for status). */
  pending(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const b of this.buffers.values()) out[b.fn.id] = (out[b.fn.id] ?? 0) + b.events.length;
    return out;
  }

  private flush(id: string): void {
    const buffer = this.buffers.get(id);
    if (!buffer) return;
    this.buffers.delete(id);
    this.timers.cancel(buffer.timer);
    this.start(buffer.fn, buffer.events);
  }
}
