import type { LocalDate } from "@/server/schedule";
import { programPeriodIndex } from "./program-calendar";
import type { Program, ProgramType } from "./program-schema";
import { versionSlots } from "./slots";

/**
 * Everything a subscriber's progress through a series needs, small and JSON-serialisable
 * so it can live in one DB column and travel to the portal. Counters, not history: what
 * was shipped when is in the orders table already.
 */
export interface SubscriberState {
  /** Series version assigned at signup; never changes, so edits to other versions can't reshuffle them. */
  readonly versionId: string;
  readonly joinedOn: LocalDate;
  /** Slot of the first shipment: 0 for `first_event`, the program's current slot for `current_event`. */
  readonly startSlot: number;
  /** Shipment occasions handled so far, shipped or opted out; the next occasion's index. */
  readonly shipmentsProcessed: number;
  /** Slots used up. Differs from `shipmentsProcessed` only by opt-outs that did not advance. */
  readonly positionsConsumed: number;
  readonly childOrdersCreated: number;
}

export type ShipmentOutcome = "shipped" | "opted_out";

type StateProgram = Pick<Program, "id" | "type" | "startRule" | "seriesStartDate" | "period" | "versions">;

export function initialSubscriberState(program: StateProgram, input: { versionId: string; joinedOn: LocalDate }): SubscriberState {
  const slots = versionSlots(program, input.versionId).length;
  // Standing programs are always current_event (the schema enforces it): everyone gets the period's event.
  const fromCurrent = program.type === "standing" || program.startRule === "current_event";
  return {
    versionId: input.versionId,
    joinedOn: input.joinedOn,
    startSlot: fromCurrent ? programPeriodIndex(program, input.joinedOn) % slots : 0,
    shipmentsProcessed: 0,
    positionsConsumed: 0,
    childOrdersCreated: 0,
  };
}

/**
 * Whether opting out of one shipment uses up its slot. Standing: yes — the period's event
 * belongs to the period, so skipping it means missing it (it comes back as store credit
 * when prepaid). Regular/perpetual: no — the next shipment carries the skipped item, so
 * nothing is lost and nothing is credited.
 */
export function optOutAdvancesPosition(type: ProgramType): boolean {
  return type === "standing";
}

/** The state after the next shipment occasion resolved as `outcome`. Pure; returns a new object. */
export function advance(state: SubscriberState, outcome: ShipmentOutcome, program: Pick<Program, "type">): SubscriberState {
  const shipped = outcome === "shipped";
  const consumes = shipped || optOutAdvancesPosition(program.type);
  return {
    ...state,
    shipmentsProcessed: state.shipmentsProcessed + 1,
    positionsConsumed: state.positionsConsumed + (consumes ? 1 : 0),
    childOrdersCreated: state.childOrdersCreated + (shipped ? 1 : 0),
  };
}
