/**
 * The supported recurrence frequencies. This one `as const` array is the single source
 * of truth for the DB enum, zod schemas and UI pickers, so adding a frequency is a
 * one-line change that the type checker then forces through every `Record<Frequency, …>`
 * (labels and periods live in server/schedule/frequencies.ts).
 */
export const FREQUENCIES = ["daily", "weekly", "biweekly", "monthly", "quarterly", "semiannual", "annual"] as const;

export type Frequency = (typeof FREQUENCIES)[number];
