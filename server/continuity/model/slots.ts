import type { Program, SeriesEvent } from "./program-schema";

/**
 * One shipment's worth of the series. An event with `repeat: 3` becomes three consecutive
 * slots, so every other rule (positions, standing periods, max orders) counts slots and
 * never has to know about repeats.
 */
export interface Slot {
  /** 0-based position in the expanded series. */
  slotIndex: number;
  eventNumber: number;
  productId: string;
}

export function expandSlots(series: readonly SeriesEvent[]): Slot[] {
  const slots: Slot[] = [];
  for (const event of series) {
    for (let r = 0; r < event.repeat; r++) {
      slots.push({ slotIndex: slots.length, eventNumber: event.eventNumber, productId: event.productId });
    }
  }
  return slots;
}

/** Number of slots (shipments) in one pass of the series, without allocating them. */
export function slotCount(series: readonly SeriesEvent[]): number {
  return series.reduce((sum, event) => sum + event.repeat, 0);
}

/** The expanded series of one version; throws on an unknown id (a caller bug, not user input). */
export function versionSlots(program: Pick<Program, "id" | "versions">, versionId: string): Slot[] {
  const version = program.versions.find((v) => v.id === versionId);
  if (!version) throw new RangeError(`Program ${program.id} has no series version "${versionId}"`);
  const slots = expandSlots(version.series);
  if (slots.length === 0) throw new RangeError(`Series version "${versionId}" of program ${program.id} is empty`);
  return slots;
}
