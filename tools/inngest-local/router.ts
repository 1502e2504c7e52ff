import { Batcher } from "./batcher";
import type { LocalFunction } from "./config";
import { eventNameMatches } from "./events";
import { test } from "./expressions";
import type { Runner } from "./runner";
import type { TimerSet } from "./timers";
import type { InngestEvent, Logger, Rejection } from "./types";
import type { Waiters } from "./waiters";

/**
 * Routes accepted events: deduplicates by id, releases `waitForEvent`s,
 * applies `cancelOn`, then starts every function whose trigger matches.
 */
export class EventRouter {
  functions: LocalFunction[] = [];
  rejections: Rejection[] = [];
  readonly log: InngestEvent[] = [];
  private readonly seen = new Set<string>();
  private readonly idempotency = new Map<string, Set<string>>();
  readonly batcher: Batcher;

  constructor(
    private readonly runner: Runner,
    private readonly waiters: Waiters,
    private readonly logger: Logger,
    timers: TimerSet,
    private readonly maxLog = 1_000,
  ) {
    this.batcher = new Batcher(timers, (fn, events) => {
      this.runner.start(fn, events[0] as InngestEvent, undefined, events);
    });
  }

  /** Returns the ids of events that were new (the rest were duplicates). */
  ingest(events: InngestEvent[]): string[] {
    const accepted: string[] = [];
    for (const event of events) {
      // Inngest ignores an event whose id it has already seen (idempotent sends).
      if (this.seen.has(event.id)) {
        this.logger.debug(`event ${event.id} (${event.name}) already received; ignored`);
        continue;
      }
      this.remember(event);
      accepted.push(event.id);
      this.logger.debug(`event ${event.name} ${event.id}`);
      this.waiters.offer(event);
      this.cancel(event);
      this.trigger(event);
    }
    return accepted;
  }

  /** Cron runs start directly; their timer event is logged but not routed to other functions. */
  startCron(fn: LocalFunction, event: InngestEvent): string {
    this.remember(event);
    return this.runner.start(fn, event).id;
  }

  private remember(event: InngestEvent): void {
    this.seen.add(event.id);
    // Bounded memory: dedupe covers the most recent ids only (Inngest: 24h).
    if (this.seen.size > 100_000) this.seen.delete(this.seen.values().next().value as string);
    this.log.push(event);
    if (this.log.length > this.maxLog) this.log.shift();
  }

  private trigger(event: InngestEvent): void {
    for (const fn of this.functions) {
      const trigger = fn.triggers.find((t) => eventNameMatches(t.event, event.name) && (!t.condition || test(t.condition, { event })));
      if (!trigger || this.duplicateRun(fn, event)) continue;
      if (fn.batch) this.batcher.add(fn, event);
      else this.runner.start(fn, event);
    }
    for (const r of this.rejections) {
      // Not silent: say which event would have run which rejected function.
      if (r.triggers?.some((name) => eventNameMatches(name, event.name)))
        this.logger.warn(`event ${event.name} not delivered to rejected function ${r.functionId} (${r.feature})`);
    }
  }

  /** `idempotency`: one run per function per key value, for the executor's lifetime (Inngest: 24h). */
  private duplicateRun(fn: LocalFunction, event: InngestEvent): boolean {
    if (!fn.idempotency) return false;
    const raw = fn.idempotency.evaluate({ event });
    const key = typeof raw === "string" ? raw : JSON.stringify(raw ?? null);
    const keys = this.idempotency.get(fn.id) ?? new Set<string>();
    this.idempotency.set(fn.id, keys);
    if (keys.has(key)) {
      this.logger.info(`skipping ${fn.id} for event ${event.id}: idempotency key ${key} already used`);
      return true;
    }
    keys.add(key);
    return false;
  }

  private cancel(event: InngestEvent): void {
    const now = Date.now();
    for (const run of [...this.runner.runs.values()]) {
      if (run.state !== "active" || run.event.id === event.id) continue;
      const rule = run.fn.cancel.find(
        (c) =>
          c.event === event.name &&
          (c.timeoutMs === undefined || now <= run.startedAt + c.timeoutMs) &&
          (!c.condition || test(c.condition, { event: run.event, async: event })),
      );
      if (rule)
        this.runner.finish(run, "cancelled", { error: { name: "FunctionCancelled", message: `cancelled by event ${event.name} (${event.id})` } });
    }
  }
}
