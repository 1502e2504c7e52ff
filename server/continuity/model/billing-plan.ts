import type { PaymentScheduleKind, Program } from "./program-schema";
import type { ShipmentOutcome } from "./subscriber-state";

export interface Charge {
  /** Shipment occasion (as in `resolveShipment`/`previewShipments`) the charge is taken at. */
  shipmentIndex: number;
  amountMinor: number;
}

export interface BillingPlan {
  schedule: PaymentScheduleKind;
  shipmentValueMinor: number;
  /** Shipments the plan covers (see `plannedShipmentCount`); `null` = open-ended. */
  shipmentCount: number | null;
  /** Sum of all charges; `null` when open-ended. */
  totalMinor: number | null;
  /** Every charge, in order, assuming no opt-outs. Empty for open-ended per_shipment plans: use `chargeAt`. */
  charges: Charge[];
}

/**
 * What the subscriber is charged, in integer minor units (no floats anywhere).
 * - per_shipment: each occasion that ships pays its own value; an opt-out pays nothing.
 * - upfront: the whole series at signup (recorded against occasion 0).
 * - installments: N equal parts on the first N occasions, opted out or not — prepaid plans
 *   follow the calendar, so every installment is taken even if the subscriber skips (a
 *   standing skip is credited instead, see `settlementOnOptOut`). The remainder cents go
 *   on the first charge so the later ones are the "nice" advertised amount. N is capped
 *   at the shipment count: a late joiner is never billed after their last shipment.
 */
export function billingPlan(program: Pick<Program, "payment">, shipmentValueMinor: number, shipmentCount: number | null): BillingPlan {
  assertMinor(shipmentValueMinor, "shipmentValueMinor");
  if (shipmentCount !== null && (!Number.isSafeInteger(shipmentCount) || shipmentCount < 0)) {
    throw new RangeError(`shipmentCount must be a non-negative integer or null, got ${shipmentCount}`);
  }
  const { payment } = program;
  const base = { schedule: payment.schedule, shipmentValueMinor, shipmentCount };
  if (shipmentCount === null) {
    // The schema already refuses prepaid open-ended programs; this guards unvalidated callers.
    if (payment.schedule !== "per_shipment") throw new RangeError(`${payment.schedule} billing needs a finite shipment count`);
    return { ...base, totalMinor: null, charges: [] };
  }
  const totalMinor = shipmentValueMinor * shipmentCount;
  assertMinor(totalMinor, "total");
  if (shipmentCount === 0) return { ...base, totalMinor: 0, charges: [] };

  switch (payment.schedule) {
    case "per_shipment":
      return {
        ...base,
        totalMinor,
        charges: Array.from({ length: shipmentCount }, (_, i) => ({ shipmentIndex: i, amountMinor: shipmentValueMinor })),
      };
    case "upfront":
      return { ...base, totalMinor, charges: [{ shipmentIndex: 0, amountMinor: totalMinor }] };
    case "installments": {
      const n = Math.min(payment.installments, shipmentCount);
      const part = Math.floor(totalMinor / n);
      const remainder = totalMinor - part * n;
      const charges = Array.from({ length: n }, (_, i) => ({ shipmentIndex: i, amountMinor: i === 0 ? part + remainder : part }));
      return { ...base, totalMinor, charges };
    }
  }
}

/** Amount to take at occasion `shipmentIndex`, given how it resolved. */
export function chargeAt(plan: BillingPlan, shipmentIndex: number, outcome: ShipmentOutcome): number {
  // per_shipment follows deliveries (regular opt-outs push items past the planned count).
  if (plan.schedule === "per_shipment") return outcome === "shipped" ? plan.shipmentValueMinor : 0;
  return plan.charges.find((c) => c.shipmentIndex === shipmentIndex)?.amountMinor ?? 0;
}

export function assertMinor(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer amount in minor units, got ${value}`);
}
