import { FREQUENCIES, type Frequency } from "@/db/vocabulary/frequencies";

// The array itself lives with the pgEnum in db/vocabulary (db/ never imports server/); the
// schedule engine re-exports it so its callers keep one import for frequencies.
export { FREQUENCIES, type Frequency };

export const FREQUENCY_LABELS: Readonly<Record<Frequency, string>> = {
  daily: "Daily",
  weekly: "Weekly",
  biweekly: "Every 2 weeks",
  monthly: "Monthly",
  quarterly: "Every 3 months",
  semiannual: "Every 6 months",
  annual: "Yearly",
};

/**
 * How a frequency advances the calendar. Day periods are exact day counts; month periods
 * use the anchor-clamp rule (see `occurrenceDate`), because "monthly" means "same day of
 * the month", not "every 30 days".
 */
export type Period = { readonly unit: "day"; readonly amount: number } | { readonly unit: "month"; readonly amount: number };

export const FREQUENCY_PERIODS: Readonly<Record<Frequency, Period>> = {
  daily: { unit: "day", amount: 1 },
  weekly: { unit: "day", amount: 7 },
  biweekly: { unit: "day", amount: 14 },
  monthly: { unit: "month", amount: 1 },
  quarterly: { unit: "month", amount: 3 },
  semiannual: { unit: "month", amount: 6 },
  annual: { unit: "month", amount: 12 },
};

// Mean Gregorian month = 365.2425 / 12 days; used only where a period must be
// compared with a raw day count (e.g. guessing a frequency from order history).
const DAYS_PER_MONTH = 365.2425 / 12;

/** Average length of one period in days (≈30.44 for monthly, ≈365.24 for annual). */
export function averagePeriodDays(frequency: Frequency): number {
  const period = FREQUENCY_PERIODS[frequency];
  return period.unit === "day" ? period.amount : period.amount * DAYS_PER_MONTH;
}

export function isFrequency(value: unknown): value is Frequency {
  return typeof value === "string" && (FREQUENCIES as readonly string[]).includes(value);
}
