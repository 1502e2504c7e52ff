import { assertMinor, type BillingPlan } from "./billing-plan";
import type { Program } from "./program-schema";
import { optOutAdvancesPosition } from "./subscriber-state";

/** Money movements a series change causes, all in integer minor units. */
export interface Settlement {
  /** Back to the original payment method. */
  refundMinor: number;
  /** Store credit. */
  creditMinor: number;
  /** To collect from the customer. We never claw back, so always 0 today; kept so callers handle it. */
  owedMinor: number;
  /** Value delivered but not paid for that we chose not to collect (installments cancelled early). */
  writtenOffMinor: number;
}

const NONE: Settlement = { refundMinor: 0, creditMinor: 0, owedMinor: 0, writtenOffMinor: 0 };

/**
 * Cancelling mid-series. per_shipment: nothing to settle, every order paid for itself.
 * upfront / installments: the customer keeps what was delivered; value delivered is the
 * plan total pro rata by shipment count (floored: rounding cents stay with the merchant, a
 * refund never exceeds the unshipped share). Paid more than delivered + credits already
 * given → refund the difference in money (a departing customer can't use store credit).
 * Paid less → nothing owed: the shortfall is written off, not collected.
 */
export function settlementOnCancel(
  plan: BillingPlan,
  shipmentsDelivered: number,
  amountsPaidMinor: number | readonly number[],
  creditsIssuedMinor = 0,
): Settlement {
  const paid = typeof amountsPaidMinor === "number" ? amountsPaidMinor : amountsPaidMinor.reduce((sum, a) => sum + a, 0);
  assertMinor(paid, "amount paid");
  assertMinor(creditsIssuedMinor, "creditsIssuedMinor");
  if (plan.schedule === "per_shipment") return NONE;
  const { shipmentCount, totalMinor } = plan;
  if (shipmentCount === null || totalMinor === null) throw new RangeError("A prepaid plan always has a finite shipment count");
  if (!Number.isSafeInteger(shipmentsDelivered) || shipmentsDelivered < 0 || shipmentsDelivered > shipmentCount) {
    throw new RangeError(`shipmentsDelivered must be 0–${shipmentCount}, got ${shipmentsDelivered}`);
  }
  const undeliveredValue = shipmentCount === 0 ? 0 : mulDivFloor(totalMinor, shipmentCount - shipmentsDelivered, shipmentCount);
  const consumed = totalMinor - undeliveredValue + creditsIssuedMinor;
  return { ...NONE, refundMinor: Math.max(0, paid - consumed), writtenOffMinor: Math.max(0, consumed - paid) };
}

/**
 * Opting out of one shipment. Only prepaid standing subscribers lose anything: the
 * period's event is gone for them, so its value becomes store credit (they are staying, so
 * credit, not a refund). Regular/perpetual opt-outs only postpone the item — no credit —
 * and per_shipment subscribers were never charged for it.
 */
export function settlementOnOptOut(program: Pick<Program, "type">, plan: BillingPlan): Settlement {
  if (plan.schedule === "per_shipment" || !optOutAdvancesPosition(program.type)) return NONE;
  return { ...NONE, creditMinor: plan.shipmentValueMinor };
}

// BigInt so total × shipments can't lose precision past 2^53 before the division.
function mulDivFloor(a: number, b: number, c: number): number {
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}
