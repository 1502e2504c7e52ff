import type { Frequency, LocalDate } from "@/server/schedule";
import type { Program } from "./program-schema";
import { resolveShipment } from "./resolve-shipment";
import { shipmentDate } from "./shipment-date";
import { advance, initialSubscriberState } from "./subscriber-state";

export interface PreviewOptions {
  joinDate: LocalDate;
  /** Maximum number of occasions to show; fewer when the series ends first. */
  count: number;
  /** Occasion indexes the hypothetical subscriber opts out of. */
  optOuts?: ReadonlySet<number>;
  /** Subscriber cadence for regular/perpetual dates (default: the program period). Standing uses the program period. */
  frequency?: Frequency;
  /** Default: the program's default version. */
  versionId?: string;
}

export interface PreviewShipment {
  shipmentIndex: number;
  date: LocalDate;
  eventNumber: number;
  productId: string;
  slotIndex: number;
  /** The row shows the item that would have shipped; for regular/perpetual it moves to the next row. */
  optedOut: boolean;
}

/**
 * "Next N shipments for a subscriber joining on X": runs the real state machine
 * (`initialSubscriberState` → `resolveShipment` → `advance`) so the merchandiser and portal
 * previews cannot disagree with what generation will do.
 */
export function previewShipments(program: Program, options: PreviewOptions): PreviewShipment[] {
  const { joinDate, count, optOuts = new Set<number>(), frequency } = options;
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  let state = initialSubscriberState(program, { versionId: options.versionId ?? program.defaultVersionId, joinedOn: joinDate });
  const rows: PreviewShipment[] = [];
  for (let shipmentIndex = 0; shipmentIndex < count; shipmentIndex++) {
    const shipment = resolveShipment(program, state);
    if (shipment.done) break;
    const optedOut = optOuts.has(shipmentIndex);
    rows.push({
      shipmentIndex,
      date: shipmentDate(program, state, shipmentIndex, frequency),
      eventNumber: shipment.eventNumber,
      productId: shipment.productId,
      slotIndex: shipment.slotIndex,
      optedOut,
    });
    state = advance(state, optedOut ? "opted_out" : "shipped", program);
  }
  return rows;
}
