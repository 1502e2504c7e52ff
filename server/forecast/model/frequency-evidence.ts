import { daysBetween, suggestFrequency, type Frequency, type LocalDate } from "@/server/schedule";

export interface FrequencyEvidence {
  suggested: Frequency | null;
  /** Distinct order days, oldest first. */
  orderDays: LocalDate[];
  /** Median gap between consecutive order days (what suggestFrequency rounds); null below two days. */
  medianGapDays: number | null;
}

/** The evidence behind the per-customer suggestion (suggestFrequency) for one set of order days. */
export function frequencyEvidence(orderDates: readonly LocalDate[]): FrequencyEvidence {
  const orderDays = [...new Set(orderDates)].sort();
  const gaps = orderDays.slice(1).map((d, i) => daysBetween(orderDays[i]!, d));
  const sorted = [...gaps].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const medianGapDays = sorted.length === 0 ? null : sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { suggested: suggestFrequency(orderDates), orderDays, medianGapDays };
}
