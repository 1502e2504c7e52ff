import { describe, expect, it } from "vitest";
import { forecastShipments, planGeneration } from "../forecast";
import { initialSubscriberState, programSchema, type Program } from "../model";
import { stateOnRevision } from "../state-on-revision";

const ev = (...ids: string[]) => ids.map((productId, i) => ({ eventNumber: i + 1, productId, repeat: 1 }));
const program = (over: Partial<Program> = {}): Program =>
  programSchema.parse({
    id: "p",
    type: "regular",
    startRule: "first_event",
    seriesStartDate: null,
    period: "monthly",
    maxChildOrders: null,
    leadDays: 5,
    payment: { schedule: "per_shipment" },
    versions: [{ id: "A", series: ev("a", "b", "c") }],
    defaultVersionId: "A",
    assignmentRules: [],
    substitutions: [],
    ...over,
  });
const clock = { frequency: "monthly" as const, localTime: "09:00", timeZone: "UTC" };
const never = () => false;

describe("forecastShipments", () => {
  it("regular: an opted-out shipment's item moves to the next one", () => {
    const p = program();
    const s = initialSubscriberState(p, { versionId: "A", joinedOn: "2027-01-10" });
    const rows = forecastShipments(p, s, clock, { count: 5, optOuts: new Set([1]), isPhantom: never });
    expect(rows.map((r) => [r.date, r.productId, r.optedOut])).toEqual([
      ["2027-01-10", "a", false],
      ["2027-02-10", "b", true],
      ["2027-03-10", "b", false],
      ["2027-04-10", "c", false],
    ]);
    expect(rows[0]!.generationDate).toBe("2027-01-05");
  });
});

describe("planGeneration", () => {
  const p = program();
  const s = initialSubscriberState(p, { versionId: "A", joinedOn: "2027-01-10" });

  it("generates every occasion whose generation instant has come, then stops at the next", () => {
    const long = program({ leadDays: 40 });
    const plan = planGeneration(long, s, clock, { now: new Date("2027-01-10T10:00:00Z"), optOuts: new Set(), isPhantom: never });
    expect(plan.occasions.map((o) => [o.shipmentIndex, o.outcome])).toEqual([
      [0, "shipped"],
      [1, "shipped"],
    ]);
    // Mar 10 − 40 days = Jan 29.
    expect(plan.next).toEqual({ shipmentIndex: 2, runAt: new Date("2027-01-29T09:00:00Z") });
  });

  it("counts occasions whose delivery date passed as missed (regular: nothing is lost)", () => {
    const plan = planGeneration(p, s, clock, { now: new Date("2027-02-12T10:00:00Z"), optOuts: new Set(), isPhantom: never });
    expect(plan.occasions.map((o) => [o.shipmentIndex, o.outcome, o.productId])).toEqual([
      [0, "missed", "a"],
      [1, "missed", "a"],
    ]);
    expect(plan.state).toMatchObject({ shipmentsProcessed: 2, positionsConsumed: 0 });
  });

  it("stops at a phantom without a substitute and ships it once one exists", () => {
    const withPhantom = program({ versions: [{ id: "A", series: ev("ph", "b") }] });
    const st = initialSubscriberState(withPhantom, { versionId: "A", joinedOn: "2027-01-10" });
    const isPhantom = (id: string) => id === "ph";
    const blocked = planGeneration(withPhantom, st, clock, { now: new Date("2027-01-10T10:00:00Z"), optOuts: new Set(), isPhantom });
    expect(blocked.blocked).toEqual({ shipmentIndex: 0, phantomProductId: "ph", date: "2027-01-10" });
    expect(blocked.occasions).toEqual([]);
    const fixed = { ...withPhantom, substitutions: [{ phantomProductId: "ph", substituteProductId: "x", from: "2027-01-01", to: "2027-01-31" }] };
    const ok = planGeneration(fixed, st, clock, { now: new Date("2027-01-10T10:00:00Z"), optOuts: new Set(), isPhantom });
    expect(ok.occasions).toMatchObject([{ outcome: "shipped", shipsProductId: "x", substituted: true }]);
  });
});

describe("stateOnRevision", () => {
  it("keeps counters, falls back to the default version, and re-derives a standing start slot", () => {
    const standing = (n: number) =>
      program({
        type: "standing",
        startRule: "current_event",
        seriesStartDate: "2027-01-01",
        versions: [{ id: "B", series: ev(...Array.from({ length: n }, (_, i) => `e${i}`)) }],
        defaultVersionId: "B",
      });
    const old = { versionId: "A", joinedOn: "2027-05-15", startSlot: 4, shipmentsProcessed: 2, positionsConsumed: 2, childOrdersCreated: 1 };
    expect(stateOnRevision(standing(3), old)).toEqual({ ...old, versionId: "B", startSlot: 1 });
  });
});
