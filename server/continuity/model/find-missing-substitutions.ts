import { compareLocalDates, type LocalDate } from "@/server/schedule";
import { generationDate } from "./generation-date";
import type { Program } from "./program-schema";
import { resolveSubstitution, type IsPhantom } from "./substitutions";

export interface MissingSubstitution {
  phantomProductId: string;
  shipDate: LocalDate;
  /** Last day to fix it: the order is generated (and would fail) on this date. */
  flagDate: LocalDate;
}

/**
 * Upcoming shipments (delivery date ≤ `horizonDate`) that would ship a phantom with no
 * substitute. Each (phantom, ship date) is reported once however many subscribers share
 * it, soonest flag date first, so the merchandiser's to-do list is short and ordered.
 */
export function findMissingSubstitutions(
  program: Pick<Program, "substitutions" | "leadDays">,
  upcoming: ReadonlyArray<{ date: LocalDate; productId: string }>,
  horizonDate: LocalDate,
  isPhantom: IsPhantom,
): MissingSubstitution[] {
  const found = new Map<string, MissingSubstitution>();
  for (const shipment of upcoming) {
    if (compareLocalDates(shipment.date, horizonDate) > 0) continue;
    const result = resolveSubstitution(shipment.productId, shipment.date, program.substitutions, isPhantom);
    if (!("missing" in result)) continue;
    found.set(`${result.phantomProductId}\u0000${shipment.date}`, {
      phantomProductId: result.phantomProductId,
      shipDate: shipment.date,
      flagDate: generationDate(shipment.date, program.leadDays),
    });
  }
  return [...found.values()].sort((a, b) => compareLocalDates(a.flagDate, b.flagDate) || a.phantomProductId.localeCompare(b.phantomProductId));
}
