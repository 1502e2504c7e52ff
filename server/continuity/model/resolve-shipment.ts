import type { LocalDate } from "@/server/schedule";
import { programPeriodIndex } from "./program-calendar";
import type { Program } from "./program-schema";
import { versionSlots } from "./slots";
import type { SubscriberState } from "./subscriber-state";

/**
 * Which shipment to resolve. Omitted: the next one. `shipmentIndex`: an occasion index
 * (0 = first shipment after joining) at or after the next one. `date`: standing only —
 * the delivery date picks the program period, which picks the occasion.
 */
export type ShipmentAt = { shipmentIndex: number } | { date: LocalDate };

export type ResolvedShipment =
  | { done: false; shipmentIndex: number; slotIndex: number; eventNumber: number; productId: string }
  | { done: true; reason: "series_complete" | "max_child_orders" };

type ResolveProgram = Pick<Program, "id" | "type" | "seriesStartDate" | "period" | "maxChildOrders" | "versions">;

/**
 * What the subscriber gets at one shipment occasion, or that the series is over.
 *
 * Looking past the next occasion by index assumes every occasion in between ships (the
 * forecast a preview shows): each one uses a slot and creates a child order. Standing
 * generators should resolve by date so that periods they never processed count as missed.
 */
export function resolveShipment(program: ResolveProgram, state: SubscriberState, at?: ShipmentAt): ResolvedShipment {
  const slots = versionSlots(program, state.versionId);
  const shipmentIndex =
    at === undefined ? state.shipmentsProcessed : "date" in at ? standingShipmentIndex(program, state, at.date) : at.shipmentIndex;
  if (!Number.isSafeInteger(shipmentIndex) || shipmentIndex < state.shipmentsProcessed) {
    // An occasion already processed has an order (or an opt-out) on record; re-resolving it would double-ship.
    throw new RangeError(`Shipment ${shipmentIndex} is not ahead of this subscriber (next is ${state.shipmentsProcessed})`);
  }
  const ahead = shipmentIndex - state.shipmentsProcessed;
  const positions = state.positionsConsumed + ahead;
  // By date, skipped-over periods made no order; by index, the forecast assumes they ship.
  const ordersBefore = state.childOrdersCreated + (at !== undefined && "date" in at ? 0 : ahead);

  // Regular ends after the last slot; standing after one full lap from wherever it began.
  const lapLength = program.type === "regular" ? slots.length - state.startSlot : slots.length;
  if (program.type !== "perpetual" && positions >= lapLength) return { done: true, reason: "series_complete" };
  if (program.maxChildOrders !== null && ordersBefore >= program.maxChildOrders) {
    return { done: true, reason: "max_child_orders" };
  }

  const slot = slots[(state.startSlot + positions) % slots.length];
  if (!slot) throw new Error("unreachable: slot index is reduced modulo the slot count");
  return { done: false, shipmentIndex, slotIndex: slot.slotIndex, eventNumber: slot.eventNumber, productId: slot.productId };
}

/**
 * Occasion index of the standing shipment delivered on `date`: one occasion per program
 * period since the join period. Periods nobody processed (downtime, a pause) are simply
 * passed over, exactly like opt-outs, which keeps "same event for everyone in a period".
 */
export function standingShipmentIndex(
  program: Pick<Program, "id" | "type" | "seriesStartDate" | "period">,
  state: Pick<SubscriberState, "joinedOn">,
  date: LocalDate,
): number {
  if (program.type !== "standing") {
    throw new TypeError(`Program ${program.id} is ${program.type}: its shipments are positional, pass { shipmentIndex }`);
  }
  return programPeriodIndex(program, date) - programPeriodIndex(program, state.joinedOn);
}
