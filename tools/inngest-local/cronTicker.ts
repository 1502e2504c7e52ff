import type { LocalFunction } from "./config";
import { ulid } from "./events";
import type { TimerSet } from "./timers";
import type { InngestEvent } from "./types";

/**
 * Fires cron triggers once per wall-clock minute. `tick(at)` is public so
 * tests and `POST /cron/tick` can run a minute deterministically.
 */
export class CronTicker {
  private lastMinute = -1;

  constructor(
    private readonly functions: () => LocalFunction[],
    private readonly start: (fn: LocalFunction, event: InngestEvent) => string,
    private readonly timers: TimerSet,
  ) {}

  /** Starts every cron function due in the minute containing `at`; returns run ids. */
  tick(at: Date = new Date()): string[] {
    const minute = Math.floor(at.getTime() / 60_000) * 60_000;
    // The same minute never fires twice, even if a timer and a manual tick race.
    if (minute === this.lastMinute) return [];
    this.lastMinute = minute;
    const started: string[] = [];
    for (const fn of this.functions()) {
      const schedule = fn.crons.find((c) => c.matches(new Date(minute)));
      if (!schedule) continue;
      // The event shape Inngest uses for scheduled runs.
      started.push(this.start(fn, { id: ulid(minute), name: "inngest/scheduled.timer", data: { cron: schedule.expression }, ts: minute }));
    }
    return started;
  }

  /** Arms a timer for the next minute boundary, forever (until timers are cleared). */
  schedule(): void {
    this.timers.schedule("cron", 60_000 - (Date.now() % 60_000), () => {
      this.tick();
      this.schedule();
    });
  }
}
