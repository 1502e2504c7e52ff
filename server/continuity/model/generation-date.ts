import { addDays, type LocalDate } from "@/server/schedule";

/**
 * The day an order must be generated so it can be picked, packed and shipped in time:
 * `leadDays` before its delivery date. Calendar days, not business days: the lead is
 * configured per program and merchants pad it for weekends themselves.
 */
export function generationDate(deliveryDate: LocalDate, leadDays: number): LocalDate {
  if (!Number.isSafeInteger(leadDays) || leadDays < 0) throw new RangeError(`leadDays must be a non-negative integer, got ${leadDays}`);
  return addDays(deliveryDate, -leadDays);
}
