import { describe, expect, it } from "vitest";
import { billingPlan, chargeAt, settlementOnCancel, settlementOnOptOut, type BillingPlan } from "../index";

const perShipment = { payment: { schedule: "per_shipment" } } as const;
const upfront = { payment: { schedule: "upfront" } } as const;
const installments = (n: number) => ({ payment: { schedule: "installments", installments: n } }) as const;
const amounts = (plan: BillingPlan) => plan.charges.map((c) => c.amountMinor);

describe("billingPlan", () => {
  it("per_shipment charges each shipment its value, and only shipped ones", () => {
    const plan = billingPlan(perShipment, 1250, 3);
    expect(plan.charges).toEqual([0, 1, 2].map((i) => ({ shipmentIndex: i, amountMinor: 1250 })));
    expect(plan.totalMinor).toBe(3750);
    expect(chargeAt(plan, 1, "opted_out")).toBe(0);
    const open = billingPlan(perShipment, 1250, null);
    expect(open).toMatchObject({ totalMinor: null, charges: [] });
    expect(chargeAt(open, 999, "shipped")).toBe(1250);
  });

  it("upfront bills the whole series at signup", () => {
    const plan = billingPlan(upfront, 1999, 6);
    expect(plan.charges).toEqual([{ shipmentIndex: 0, amountMinor: 11994 }]);
    expect(chargeAt(plan, 1, "shipped")).toBe(0);
  });

  it("installments put the remainder cents on the first charge", () => {
    const plan = billingPlan(installments(4), 1001, 6); // 6006 / 4 = 1501 r 2
    expect(amounts(plan)).toEqual([1503, 1501, 1501, 1501]);
    expect(amounts(billingPlan(installments(3), 1000, 7))).toEqual([2334, 2333, 2333]);
    expect(amounts(billingPlan(installments(3), 1000, 6))).toEqual([2000, 2000, 2000]);
    for (const [n, value, count] of [
      [2, 1, 3],
      [5, 333, 7],
      [12, 4999, 12],
    ] as const) {
      const p = billingPlan(installments(n), value, count);
      expect(amounts(p).reduce((a, b) => a + b, 0)).toBe(value * count);
      expect(amounts(p).every(Number.isInteger)).toBe(true);
    }
  });

  it("installments are taken at their occasion even when the subscriber opts out", () => {
    expect(chargeAt(billingPlan(installments(3), 1000, 6), 1, "opted_out")).toBe(2000);
  });

  it("never bills past the last shipment of a short (late-joiner) series", () => {
    expect(billingPlan(installments(4), 1000, 2).charges).toEqual([
      { shipmentIndex: 0, amountMinor: 1000 },
      { shipmentIndex: 1, amountMinor: 1000 },
    ]);
  });

  it("rejects prepaid open-ended series and non-integer money", () => {
    expect(() => billingPlan(upfront, 1000, null)).toThrow(RangeError);
    expect(() => billingPlan(perShipment, 10.5, 3)).toThrow(RangeError);
  });
});

describe("settlementOnCancel", () => {
  it("per_shipment: nothing to settle", () => {
    expect(settlementOnCancel(billingPlan(perShipment, 1000, 6), 2, [1000, 1000])).toEqual({
      refundMinor: 0,
      creditMinor: 0,
      owedMinor: 0,
      writtenOffMinor: 0,
    });
  });

  it("upfront: refunds the unshipped shipments pro rata, net of opt-out credits already given", () => {
    const plan = billingPlan(upfront, 1000, 6);
    expect(settlementOnCancel(plan, 2, [6000])).toEqual({ refundMinor: 4000, creditMinor: 0, owedMinor: 0, writtenOffMinor: 0 });
    expect(settlementOnCancel(plan, 2, 6000, 1000).refundMinor).toBe(3000);
    expect(settlementOnCancel(plan, 6, 6000).refundMinor).toBe(0);
  });

  it("upfront: pro rata floors, so a refund never exceeds the unshipped share", () => {
    const odd: BillingPlan = {
      schedule: "upfront",
      shipmentValueMinor: 333,
      shipmentCount: 3,
      totalMinor: 1000,
      charges: [{ shipmentIndex: 0, amountMinor: 1000 }],
    };
    expect(settlementOnCancel(odd, 1, 1000).refundMinor).toBe(666);
  });

  it("installments: refunds overpayment, writes off (never claws back) underpayment", () => {
    const plan = billingPlan(installments(4), 1001, 6); // 1503, 1501, 1501, 1501
    expect(settlementOnCancel(plan, 2, [1503, 1501])).toEqual({ refundMinor: 1002, creditMinor: 0, owedMinor: 0, writtenOffMinor: 0 });
    expect(settlementOnCancel(plan, 5, [1503, 1501, 1501, 1501])).toMatchObject({ refundMinor: 1001, owedMinor: 0 });
    expect(settlementOnCancel(plan, 3, [1503])).toEqual({ refundMinor: 0, creditMinor: 0, owedMinor: 0, writtenOffMinor: 1500 });
  });

  it("rejects more deliveries than the plan covers", () => {
    expect(() => settlementOnCancel(billingPlan(upfront, 1000, 6), 7, 6000)).toThrow(RangeError);
  });
});

describe("settlementOnOptOut", () => {
  it("credits the shipment value only for prepaid standing subscribers", () => {
    const prepaid = billingPlan(upfront, 1000, 6);
    const inInstallments = billingPlan(installments(3), 1000, 6);
    expect(settlementOnOptOut({ type: "standing" }, prepaid)).toEqual({ refundMinor: 0, creditMinor: 1000, owedMinor: 0, writtenOffMinor: 0 });
    expect(settlementOnOptOut({ type: "standing" }, inInstallments).creditMinor).toBe(1000);
    expect(settlementOnOptOut({ type: "standing" }, billingPlan(perShipment, 1000, 6)).creditMinor).toBe(0);
    expect(settlementOnOptOut({ type: "regular" }, prepaid).creditMinor).toBe(0);
    expect(settlementOnOptOut({ type: "perpetual" }, inInstallments).creditMinor).toBe(0);
  });
});
