import { zonedInstant, type LocalDate, type LocalTime } from "@/server/schedule";

/**
 * `zonedInstant` memoized by (date, time, zone). Converting a wall time goes through
 * `Intl.DateTimeFormat#formatToParts` several times (≈10 µs); a batch of thousands of
 * subscriptions shares a handful of zones, times of day and dates, so the cache turns the
 * schedule math of a 10k batch from ~100 ms into ~1 ms. The mapping is pure, so caching
 * can't change a result; the cap only bounds memory.
 */
const cache = new Map<string, number>();
const MAX_ENTRIES = 100_000;

export function cycleInstant(date: LocalDate, localTime: LocalTime, timeZone: string): Date {
  const key = `${date}|${localTime}|${timeZone}`;
  let epochMs = cache.get(key);
  if (epochMs === undefined) {
    epochMs = zonedInstant(date, localTime, timeZone).getTime();
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(key, epochMs);
  }
  return new Date(epochMs);
}
