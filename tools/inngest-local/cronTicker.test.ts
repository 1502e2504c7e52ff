import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LocalFunction } from "./config";
import { parseCron } from "./cron";
import { CronTicker } from "./cronTicker";
import { TimerSet } from "./timers";

const everyMinute = (id: string): LocalFunction => ({
  id,
  name: id,
  url: `http://127.0.0.1:1/api/inngest?fnId=${id}&stepId=step`,
  maxAttempts: 1,
  triggers: [],
  crons: [parseCron("* * * * *")],
  concurrency: [],
  cancel: [],
});

describe("CronTicker", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-12-03T10:00:50Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("fires a function synced after the minute's boundary tick when that minute is ticked by hand", () => {
    // The executor arms its timer before the app has synced: the boundary tick sees no functions.
    let functions: LocalFunction[] = [];
    const started: string[] = [];
    const timers = new TimerSet();
    const ticker = new CronTicker(
      () => functions,
      (fn) => (started.push(fn.id), `run-${started.length}`),
      timers,
    );
    ticker.schedule();
    vi.advanceTimersByTime(10_000); // 10:01:00, nothing synced yet
    expect(started).toEqual([]);

    functions = [everyMinute("generate-due-orders")];
    vi.advanceTimersByTime(5_000);
    // What the pipeline bench does once synced: run this minute's cron now, not a minute later.
    expect(ticker.tick(new Date())).toEqual(["run-1"]);
    // …and never twice in one minute, whoever ticks.
    expect(ticker.tick(new Date())).toEqual([]);
    vi.advanceTimersByTime(55_000); // 10:02:00, the next boundary
    expect(started).toEqual(["generate-due-orders", "generate-due-orders"]);
    timers.clear();
  });

  it("fires each function once per minute when a timer tick and a manual tick race", () => {
    const started: string[] = [];
    const ticker = new CronTicker(
      () => [everyMinute("a"), everyMinute("b")],
      (fn) => (started.push(fn.id), fn.id),
      new TimerSet(),
    );
    const minute = new Date("2026-12-03T10:05:00Z");
    expect(ticker.tick(minute)).toEqual(["a", "b"]);
    expect(ticker.tick(new Date("2026-12-03T10:05:59Z"))).toEqual([]);
    expect(ticker.tick(new Date("2026-12-03T10:06:00Z"))).toEqual(["a", "b"]);
  });
});
