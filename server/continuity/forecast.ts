/**
 * A stored enrollment's upcoming shipments, and what generation does with it at `now`.
 * Pure (no I/O): the portal timeline, the workbench preview, the missing-substitution flags
 * and generation all read an enrollment through these two functions, built on the model's
 * state machine, so they cannot disagree.
 */
import {
  advance,
  generationDate,
  resolveShipment,
  resolveSubstitution,
  shipmentDate,
  type IsPhantom,
  type Program,
  type SubscriberState,
} from "./model";
import { compareLocalDates, toLocalDate, zonedInstant, type Frequency, type LocalDate } from "@/server/schedule";

export interface EnrollmentClock {
  frequency: Frequency;
  localTime: string;
  timeZone: string;
}

export interface ForecastRow {
  shipmentIndex: number;
  date: LocalDate;
  /** Local date the order is generated; opting out/in is possible until then. */
  generationDate: LocalDate;
  generationAt: Date;
  eventNumber: number;
  slotIndex: number;
  /** The series item (maybe a phantom). */
  productId: string;
  /** What ships after substitution; null when a phantom has no substitute for the date. */
  shipsProductId: string | null;
  substituted: boolean;
  optedOut: boolean;
}

/** Safety bound: a perpetual series never ends by itself. */
const MAX_STEPS = 1000;

/** Next `count` occasions from the enrollment's state, honouring its opt-outs. */
export function forecastShipments(
  program: Program,
  state: SubscriberState,
  clock: EnrollmentClock,
  opts: { count: number; optOuts?: ReadonlySet<number>; isPhantom: IsPhantom },
): ForecastRow[] {
  const rows: ForecastRow[] = [];
  let s = state;
  while (rows.length < opts.count && rows.length < MAX_STEPS) {
    const next = resolveShipment(program, s);
    if (next.done) break;
    const i = s.shipmentsProcessed;
    const date = occasionDate(program, s, i, clock);
    const optedOut = opts.optOuts?.has(i) ?? false;
    const sub = resolveSubstitution(next.productId, date, program.substitutions, opts.isPhantom);
    const genDate = generationDate(date, program.leadDays);
    rows.push({
      shipmentIndex: i,
      date,
      generationDate: genDate,
      generationAt: zonedInstant(genDate, clock.localTime, clock.timeZone),
      eventNumber: next.eventNumber,
      slotIndex: next.slotIndex,
      productId: next.productId,
      shipsProductId: "missing" in sub ? null : sub.productId,
      substituted: "missing" in sub ? false : sub.substituted,
      optedOut,
    });
    s = advance(s, optedOut ? "opted_out" : "shipped", program);
  }
  return rows;
}

export function occasionDate(program: Program, state: SubscriberState, index: number, clock: EnrollmentClock): LocalDate {
  return shipmentDate(program, state, index, program.type === "standing" ? undefined : clock.frequency);
}

export type ProcessedOccasion =
  | {
      shipmentIndex: number;
      outcome: "shipped";
      date: LocalDate;
      eventNumber: number;
      productId: string;
      shipsProductId: string;
      substituted: boolean;
    }
  | { shipmentIndex: number; outcome: "opted_out" | "missed"; date: LocalDate; eventNumber: number; productId: string };

export interface GenerationPlan {
  occasions: ProcessedOccasion[];
  state: SubscriberState;
  /** The next occasion to generate and when; null when the series is over. */
  next: { shipmentIndex: number; runAt: Date } | null;
  completed: boolean;
  /** Generation stopped at a phantom with no substitute for its date (retried later). */
  blocked: { shipmentIndex: number; phantomProductId: string; date: LocalDate } | null;
}

/**
 * Every occasion whose generation date has come, in order: opted-out ones are passed (the
 * model decides whether that uses the slot), ones whose delivery date is already past are
 * MISSED (generation was down; handled like an opt-out so standing periods stay aligned),
 * the rest ship — several at once when the lead is longer than the period. A phantom with
 * no substitute stops the walk there: it is never shipped, and is retried until fixed or
 * until its date passes.
 */
export function planGeneration(
  program: Program,
  state: SubscriberState,
  clock: EnrollmentClock,
  opts: { now: Date; optOuts: ReadonlySet<number>; isPhantom: IsPhantom },
): GenerationPlan {
  const today = toLocalDate(opts.now, clock.timeZone);
  const occasions: ProcessedOccasion[] = [];
  let s = state;
  for (let step = 0; step < MAX_STEPS; step++) {
    const next = resolveShipment(program, s);
    if (next.done) return { occasions, state: s, next: null, completed: true, blocked: null };
    const i = s.shipmentsProcessed;
    const date = occasionDate(program, s, i, clock);
    const runAt = zonedInstant(generationDate(date, program.leadDays), clock.localTime, clock.timeZone);
    if (runAt.getTime() > opts.now.getTime()) {
      return { occasions, state: s, next: { shipmentIndex: i, runAt }, completed: false, blocked: null };
    }
    const base = { shipmentIndex: i, date, eventNumber: next.eventNumber, productId: next.productId };
    if (opts.optOuts.has(i) || compareLocalDates(date, today) < 0) {
      occasions.push({ ...base, outcome: opts.optOuts.has(i) ? "opted_out" : "missed" });
      s = advance(s, "opted_out", program);
      continue;
    }
    const sub = resolveSubstitution(next.productId, date, program.substitutions, opts.isPhantom);
    if ("missing" in sub) {
      return {
        occasions,
        state: s,
        next: { shipmentIndex: i, runAt },
        completed: false,
        blocked: { shipmentIndex: i, phantomProductId: sub.phantomProductId, date },
      };
    }
    occasions.push({ ...base, outcome: "shipped", shipsProductId: sub.productId, substituted: sub.substituted });
    s = advance(s, "shipped", program);
  }
  throw new RangeError(`Program ${program.id}: more than ${MAX_STEPS} occasions due at once`);
}
