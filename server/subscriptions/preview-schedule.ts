import { occurrences } from "../schedule";
import type { SchedulePreviewDto } from "./subscription-dto.schema";
import type { SchedulePreviewInput } from "./subscription.schema";

/**
 * The next `count` occurrences of a would-be schedule, as local dates and UTC instants. Pure:
 * the setup page calls it through POST /api/v1/schedules/preview, so the dates a customer
 * reviews are exactly the ones the generator will use (anchor-clamp, DST, end condition).
 */
export function previewSchedule(input: SchedulePreviewInput): SchedulePreviewDto {
  const list = occurrences({
    anchorDate: input.startDate,
    frequency: input.frequency,
    localTime: input.localTime,
    timeZone: input.timeZone,
    end: input.end,
    count: input.count,
  });
  return {
    timeZone: input.timeZone,
    localTime: input.localTime,
    occurrences: list.map((o) => ({ index: o.index, localDate: o.localDate, at: o.at.toISOString() })),
  };
}
