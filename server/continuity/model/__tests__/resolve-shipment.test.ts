import { describe, expect, it } from "vitest";
import { advance, expandSlots, initialSubscriberState, plannedShipmentCount, previewShipments, resolveShipment } from "../index";
import { events, makeProgram, standingMonthly } from "./fixtures";

const eventsOf = (rows: { eventNumber: number }[]) => rows.map((r) => r.eventNumber);
const productsOf = (rows: { productId: string }[]) => rows.map((r) => r.productId);
const calendar = { seriesStartDate: "2027-01-01", period: "monthly" } as const;

describe("series expansion", () => {
  it("expands repeats into consecutive slots", () => {
    expect(expandSlots(events(["A", 2], "B", ["C", 3])).map((s) => `${s.slotIndex}:${s.eventNumber}${s.productId}`)).toEqual([
      "0:1A",
      "1:1A",
      "2:2B",
      "3:3C",
      "4:3C",
      "5:3C",
    ]);
  });

  it("ships a repeated item on consecutive shipments", () => {
    const program = makeProgram({ versions: [{ id: "v1", series: events(["A", 2], "B", ["C", 3]) }] });
    const rows = previewShipments(program, { joinDate: "2027-01-05", count: 10, frequency: "monthly" });
    expect(productsOf(rows)).toEqual(["A", "A", "B", "C", "C", "C"]);
  });
});

describe("program types", () => {
  it("regular ends after the last slot", () => {
    const program = makeProgram();
    const rows = previewShipments(program, { joinDate: "2027-01-05", count: 10, frequency: "weekly" });
    expect(productsOf(rows)).toEqual(["A", "B", "C"]);
    expect(rows.map((r) => r.date)).toEqual(["2027-01-05", "2027-01-12", "2027-01-19"]);
  });

  it("perpetual starts again from slot 1, forever", () => {
    const program = makeProgram({ type: "perpetual" });
    const rows = previewShipments(program, { joinDate: "2027-01-05", count: 8, frequency: "monthly" });
    expect(productsOf(rows)).toEqual(["A", "B", "C", "A", "B", "C", "A", "B"]);
    const state = initialSubscriberState(program, { versionId: "v1", joinedOn: "2027-01-05" });
    expect(resolveShipment(program, state, { shipmentIndex: 3002 })).toMatchObject({ done: false, productId: "C" }); // 3002 mod 3 = 2
    expect(plannedShipmentCount(program, state)).toBeNull();
  });

  it("standing with repeats: a joiner mid-repeat starts at that slot and gets each slot once", () => {
    const program = standingMonthly({ versions: [{ id: "v1", series: events(["A", 2], "B", "C") }] });
    const rows = previewShipments(program, { joinDate: "2027-02-10", count: 10 });
    expect(rows.map((r) => r.slotIndex)).toEqual([1, 2, 3, 0]);
    expect(eventsOf(rows)).toEqual([1, 2, 3, 1]);
  });
});

describe("start rules", () => {
  const series = [{ id: "v1", series: events("A", "B", "C", "D") }];

  it("first_event starts at slot 1 whatever the date", () => {
    const program = makeProgram({ versions: series, ...calendar });
    expect(initialSubscriberState(program, { versionId: "v1", joinedOn: "2027-03-15" }).startSlot).toBe(0);
  });

  it("current_event on a regular program starts at the program's current period and ends at the last slot", () => {
    const program = makeProgram({ versions: series, startRule: "current_event", ...calendar });
    const rows = previewShipments(program, { joinDate: "2027-03-15", count: 10, frequency: "monthly" });
    expect(productsOf(rows)).toEqual(["C", "D"]);
    // Dates follow the subscriber's own cadence from the join date, not the program calendar.
    expect(rows.map((r) => r.date)).toEqual(["2027-03-15", "2027-04-15"]);
    expect(plannedShipmentCount(program, initialSubscriberState(program, { versionId: "v1", joinedOn: "2027-03-15" }))).toBe(2);
  });

  it("current_event on a perpetual program wraps, and the calendar cycles past the series length", () => {
    const program = makeProgram({ type: "perpetual", versions: series, startRule: "current_event", ...calendar });
    expect(productsOf(previewShipments(program, { joinDate: "2027-03-15", count: 5 }))).toEqual(["C", "D", "A", "B", "C"]);
    // Month 6 (index 5) is slot 5 mod 4 = 1.
    expect(productsOf(previewShipments(program, { joinDate: "2027-06-30", count: 1 }))).toEqual(["B"]);
  });
});

describe("max child orders", () => {
  it("stops a regular series early", () => {
    const program = makeProgram({ versions: [{ id: "v1", series: events("A", "B", "C", "D", "E") }], maxChildOrders: 3 });
    let state = initialSubscriberState(program, { versionId: "v1", joinedOn: "2027-01-01" });
    for (let i = 0; i < 3; i++) state = advance(state, "shipped", program);
    expect(resolveShipment(program, state)).toEqual({ done: true, reason: "max_child_orders" });
  });

  it("bounds a perpetual series", () => {
    const program = makeProgram({ type: "perpetual", versions: [{ id: "v1", series: events("A", "B") }], maxChildOrders: 5 });
    expect(productsOf(previewShipments(program, { joinDate: "2027-01-01", count: 20, frequency: "monthly" }))).toEqual(["A", "B", "A", "B", "A"]);
  });

  it("bounds a standing series", () => {
    const program = standingMonthly({ maxChildOrders: 2 });
    expect(eventsOf(previewShipments(program, { joinDate: "2027-04-10", count: 20 }))).toEqual([4, 5]);
  });

  it("counts child orders, not opt-outs", () => {
    const program = makeProgram({ maxChildOrders: 2 });
    const rows = previewShipments(program, { joinDate: "2027-01-01", count: 20, frequency: "monthly", optOuts: new Set([0]) });
    expect(rows.map((r) => `${r.productId}${r.optedOut ? "-" : ""}`)).toEqual(["A-", "A", "B"]);
  });
});

describe("opt-outs", () => {
  it("regular: the position does not advance, the next shipment carries the item", () => {
    const rows = previewShipments(makeProgram(), { joinDate: "2027-01-01", count: 20, frequency: "monthly", optOuts: new Set([1]) });
    expect(rows.map((r) => `${r.productId}${r.optedOut ? "-" : ""}`)).toEqual(["A", "B-", "B", "C"]);
  });

  it("perpetual: same rule", () => {
    const program = makeProgram({ type: "perpetual", versions: [{ id: "v1", series: events("A", "B") }] });
    const rows = previewShipments(program, { joinDate: "2027-01-01", count: 4, frequency: "monthly", optOuts: new Set([0]) });
    expect(rows.map((r) => `${r.productId}${r.optedOut ? "-" : ""}`)).toEqual(["A-", "A", "B", "A"]);
  });

  it("standing: the period's event is missed and the series ends on time", () => {
    const rows = previewShipments(standingMonthly(), { joinDate: "2027-01-01", count: 20, optOuts: new Set([1]) });
    expect(rows.map((r) => `${r.eventNumber}${r.optedOut ? "-" : ""}`)).toEqual(["1", "2-", "3", "4", "5", "6"]);
  });

  it("advance: only shipped and standing opt-outs consume a position", () => {
    const regular = makeProgram();
    const s0 = initialSubscriberState(regular, { versionId: "v1", joinedOn: "2027-01-01" });
    expect(advance(s0, "opted_out", regular)).toMatchObject({ shipmentsProcessed: 1, positionsConsumed: 0, childOrdersCreated: 0 });
    expect(advance(s0, "shipped", regular)).toMatchObject({ shipmentsProcessed: 1, positionsConsumed: 1, childOrdersCreated: 1 });
    expect(advance(s0, "opted_out", { type: "standing" })).toMatchObject({ shipmentsProcessed: 1, positionsConsumed: 1, childOrdersCreated: 0 });
    expect(s0.shipmentsProcessed).toBe(0); // pure
    expect(JSON.parse(JSON.stringify(s0))).toEqual(s0);
  });
});

describe("resolveShipment arguments", () => {
  it("looks ahead by shipment index assuming the shipments in between ship", () => {
    const program = makeProgram();
    const state = advance(initialSubscriberState(program, { versionId: "v1", joinedOn: "2027-01-01" }), "opted_out", program);
    expect(resolveShipment(program, state)).toMatchObject({ shipmentIndex: 1, productId: "A" });
    expect(resolveShipment(program, state, { shipmentIndex: 3 })).toMatchObject({ shipmentIndex: 3, productId: "C" });
    expect(resolveShipment(program, state, { shipmentIndex: 4 })).toEqual({ done: true, reason: "series_complete" });
    expect(() => resolveShipment(program, state, { shipmentIndex: 0 })).toThrow(RangeError);
  });

  it("by date is standing-only, and periods never processed count as missed", () => {
    expect(() =>
      resolveShipment(makeProgram(), initialSubscriberState(makeProgram(), { versionId: "v1", joinedOn: "2027-01-01" }), { date: "2027-02-01" }),
    ).toThrow(TypeError);
    const program = standingMonthly({ maxChildOrders: 2 });
    let state = initialSubscriberState(program, { versionId: "v1", joinedOn: "2027-04-10" });
    state = advance(state, "shipped", program); // April: event 4
    expect(resolveShipment(program, state, { date: "2027-06-01" })).toMatchObject({ eventNumber: 6 }); // May never ran
    expect(() => resolveShipment(program, state, { date: "2027-04-20" })).toThrow(RangeError);
  });
});
