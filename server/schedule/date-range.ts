import { z } from "zod";
import { isLocalDate, type LocalDate } from "./local-date";

/**
 * The one range of calendar dates and instants the app accepts from outside (API bodies,
 * query strings, forms, channel orders). Year 9999 or year 0 parse as dates, and PostgreSQL
 * stores them, but every page that then computes "the next deliveries" from them overflows;
 * a range checked at each edge keeps such values out. Wide enough for any real order history
 * and any plausible subscription end. Why 2000: no channel order or join predates the app.
 */
export const DATE_RANGE = { min: "2000-01-01", max: "2099-12-31" } as const satisfies Record<string, LocalDate>;

const OUT_OF_RANGE = `Enter a date between ${DATE_RANGE.min} and ${DATE_RANGE.max}`;

/** A real `YYYY-MM-DD` calendar date inside DATE_RANGE (string compare = date compare). */
export function isLocalDateInRange(value: unknown): value is LocalDate {
  return isLocalDate(value) && value >= DATE_RANGE.min && value <= DATE_RANGE.max;
}

/** The shared zod field for every local date the app takes in. */
export function boundedLocalDate(message = "Enter a valid date (YYYY-MM-DD)") {
  return z
    .string({ error: message })
    .refine(isLocalDate, { error: message, abort: true })
    .refine((v) => v >= DATE_RANGE.min && v <= DATE_RANGE.max, { error: OUT_OF_RANGE });
}

/** The shared zod field for every ISO 8601 UTC instant the app takes in (e.g. a channel's placedAt). */
export function boundedInstant(message = "Use an ISO 8601 UTC timestamp ending in Z") {
  return z.iso.datetime({ error: message, abort: true }).refine((v) => isLocalDateInRange(v.slice(0, 10)), { error: OUT_OF_RANGE });
}
