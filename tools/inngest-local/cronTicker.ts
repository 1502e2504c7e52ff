import type { LocalFunction } from "./config";
import { ulid } from "./events";
import type { TimerSet } from "./timers";
import type { InngestEvent } from "./types";

/**
 * Fires cron triggers once per wall-clock minute. `tick(at)` is public so
 * tests and `POST /cron/tick` can run a minute deterministically.
 */
export class CronTicker {
  /**
   * The last minute each function fired in. Per function, not one for the ticker: the timer is
   * armed before the app syncs, so a boundary tick with no functions yet must not swallow a
   * manual tick of the same minute once they are known (the pipeline bench's generation then
   * waited for the next minute: no order for up to ~60 s).
   */
  private readonly lastMinute = new Map<string, number>();

  constructor(
    private readonly functions: () => LocalFunction[],
    private readonly start: (fn: LocalFunction, event: InngestEvent) => string,
    private readonly timers: TimerSet,
  ) {}

  /** Starts every cron function due in the minute containing `at`; returns run ids. */
  tick(at: Date = new Date()): string[] {
    const minute = Math.floor(at.getTime() / 60_000) * 60_000;
    const started: string[] = [];
    for (const fn of this.functions()) {
      const schedule = fn.crons.find((c) => c.matches(new Date(minute)));
      if (!schedule) continue;
      // The same minute never fires a function twice, even if a timer and a manual tick race.
      if (this.lastMinute.get(fn.id) === minute) continue;
      this.lastMinute.set(fn.id, minute);
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
