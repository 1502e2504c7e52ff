import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TimerSet } from "./timers";

describe("TimerSet", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("waits out sleeps longer than setTimeout's 24.8-day limit", () => {
    const timers = new TimerSet();
    const fired = vi.fn();
    const month = 31 * 24 * 3_600_000;
    timers.schedule("sleep", month, fired);
    vi.advanceTimersByTime(month - 60_000);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(fired).toHaveBeenCalledOnce();
    expect(timers.busy()).toBe(false);
  });

  it("fires one kind on demand and tells busy work from waiting", () => {
    const timers = new TimerSet();
    const sleep = vi.fn();
    const timeout = vi.fn();
    timers.schedule("sleep", 3_600_000, sleep);
    timers.schedule("wait-timeout", 3_600_000, timeout);
    expect(timers.busy()).toBe(true);
    expect(timers.fire("sleep")).toBe(1);
    expect(sleep).toHaveBeenCalledOnce();
    expect(timeout).not.toHaveBeenCalled();
    // An open waitForEvent timeout is not "work the executor will do by itself".
    expect(timers.busy()).toBe(false);
    timers.clear();
  });
});
