import { planGeneration } from "@/server/continuity/forecast";
import { chargeAt, settlementOnOptOut, type IsPhantom, type Program } from "@/server/continuity/model";
import { zonedInstant } from "@/server/schedule";
import type { BookEnrollment } from "./book";
import type { ForecastSink } from "./forecast-order";
import type { WindowClock } from "./window";

/**
 * Replays program generation for one active enrollment over the window: at each generation
 * instant, `planGeneration` — what generateProgramCycles runs — resolves the occasions due
 * (series position, start rule, opt-outs, substitutions, lead days, end of series) and the
 * SubscriberState advances on a copy. Charges and credits follow the billing plan as the ledger
 * books them. A phantom with no substitute blocks generation until the calendar is fixed: the
 * walk emits the blocked occasion and stops.
 */
export function walkEnrollment(e: BookEnrollment, program: Program, isPhantom: IsPhantom, clock: WindowClock, emit: ForecastSink): void {
  const boundMs = clock.boundMs(e.clock.timeZone);
  let state = e.state;
  let atMs = e.nextRunAt?.getTime() ?? null;
  const credit = settlementOnOptOut(program, e.billingPlan).creditMinor;
  while (atMs !== null && atMs < boundMs) {
    const runAt = new Date(Math.max(atMs, clock.nowMs));
    const plan = planGeneration(program, state, e.clock, { now: runAt, optOuts: e.optOuts, isPhantom });
    for (const o of plan.occasions) {
      if (clock.dayIndex(o.date) < 0) continue;
      const shipped = o.outcome === "shipped";
      emit({
        subscriptionId: e.subscriptionId,
        customerId: e.customerId,
        cycleIndex: o.shipmentIndex,
        outcome: shipped ? "order" : o.outcome,
        date: o.date,
        scheduledFor: zonedInstant(o.date, e.clock.localTime, e.clock.timeZone),
        generatedAt: runAt,
        productId: shipped ? o.shipsProductId : o.productId,
        quantity: e.quantity,
        program: {
          programId: e.programId,
          revision: e.revision,
          eventNumber: o.eventNumber,
          seriesProductId: o.productId,
          substituted: shipped ? o.substituted : false,
          chargeMinor: chargeAt(e.billingPlan, o.shipmentIndex, shipped ? "shipped" : "opted_out"),
          creditMinor: shipped ? 0 : credit,
        },
      });
    }
    if (plan.blocked) {
      const b = plan.blocked;
      if (clock.dayIndex(b.date) >= 0) {
        emit({
          subscriptionId: e.subscriptionId,
          customerId: e.customerId,
          cycleIndex: b.shipmentIndex,
          outcome: "blocked",
          date: b.date,
          scheduledFor: zonedInstant(b.date, e.clock.localTime, e.clock.timeZone),
          generatedAt: runAt,
          productId: b.phantomProductId,
          quantity: e.quantity,
          program: null,
        });
      }
      return;
    }
    if (plan.completed || !plan.next) return;
    state = plan.state;
    atMs = plan.next.runAt.getTime();
  }
}
