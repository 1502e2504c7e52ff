import { averagePeriodDays, FREQUENCIES, type Frequency } from "./frequencies";
import { daysBetween, parseLocalDate, type LocalDate } from "./local-date";

/**
 * Guesses a frequency from past order dates, e.g. to pre-fill "subscribe to this" for a
 * customer who already reorders by hand.
 *
 * Median (not mean) of the gaps between consecutive distinct order days, so one late or
 * extra order doesn't skew the guess; then the frequency whose average period in days
 * (1, 7, 14, ≈30.44, ≈91.31, ≈182.62, ≈365.24) is nearest. Several orders on one day count
 * once. `null` with fewer than two distinct days: there is no interval to measure.
 */
export function suggestFrequency(orderDates: readonly LocalDate[]): Frequency | null {
  orderDates.forEach((date) => parseLocalDate(date)); // fail loudly on bad input, not with a wrong guess
  const days = [...new Set(orderDates)].sort();
  if (days.length < 2) return null;

  const gaps: number[] = [];
  for (let i = 1; i < days.length; i++) gaps.push(daysBetween(days[i - 1] as LocalDate, days[i] as LocalDate));
  const interval = median(gaps);

  let best: Frequency = FREQUENCIES[0];
  for (const frequency of FREQUENCIES) {
    // Strict `<`: on an exact tie keep the shorter frequency (the earlier one in FREQUENCIES).
    if (Math.abs(averagePeriodDays(frequency) - interval) < Math.abs(averagePeriodDays(best) - interval)) {
      best = frequency;
    }
  }
  return best;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? NaN) + upper) / 2;
}
