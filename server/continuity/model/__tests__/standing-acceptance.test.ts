import { describe, expect, it } from "vitest";
import { advance, initialSubscriberState, previewShipments, resolveShipment, shipmentDate, type SubscriberState } from "../index";
import { standingMonthly } from "./fixtures";

const months = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => {
    const m = from + i - 1; // 0-based months since 2027-01
    return `${2027 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}-01`;
  });

describe("acceptance: 6-item standing monthly program starting 2027-01-01", () => {
  const program = standingMonthly();

  it("a customer joining in month 1 gets events 1..6, then is done", () => {
    const rows = previewShipments(program, { joinDate: "2027-01-20", count: 12 });
    expect(rows.map((r) => r.eventNumber)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows.map((r) => r.date)).toEqual(["2027-01-20", "2027-02-01", "2027-03-01", "2027-04-01", "2027-05-01", "2027-06-01"]);
  });

  it("a customer joining on 2027-04-10 gets 4,5,6 then 1,2,3, then is done", () => {
    const rows = previewShipments(program, { joinDate: "2027-04-10", count: 12 });
    expect(rows.map((r) => r.eventNumber)).toEqual([4, 5, 6, 1, 2, 3]);
    expect(rows.map((r) => r.date)).toEqual(["2027-04-10", "2027-05-01", "2027-06-01", "2027-07-01", "2027-08-01", "2027-09-01"]);
  });

  it("generation by date agrees: the month-4 joiner is done in month 10", () => {
    let state: SubscriberState = initialSubscriberState(program, { versionId: "v1", joinedOn: "2027-04-10" });
    const received: number[] = [];
    for (const date of months(4, 6)) {
      const shipment = resolveShipment(program, state, { date });
      if (shipment.done) throw new Error(`done too early at ${date}`);
      received.push(shipment.eventNumber);
      state = advance(state, "shipped", program);
    }
    expect(received).toEqual([4, 5, 6, 1, 2, 3]);
    expect(resolveShipment(program, state, { date: "2027-10-01" })).toEqual({ done: true, reason: "series_complete" });
    expect(resolveShipment(program, state)).toEqual({ done: true, reason: "series_complete" });
  });

  it("everyone in a period gets the same event, and each subscriber gets every event exactly once", () => {
    for (let joinMonth = 1; joinMonth <= 24; joinMonth++) {
      const joinDate = months(joinMonth, 1)[0]!.replace(/01$/, "17");
      const rows = previewShipments(program, { joinDate, count: 20 });
      expect([...rows.map((r) => r.eventNumber)].sort()).toEqual([1, 2, 3, 4, 5, 6]);
      // Period p (0-based since Jan 2027) always carries event (p mod 6) + 1, whoever joined when.
      const state = initialSubscriberState(program, { versionId: "v1", joinedOn: joinDate });
      rows.forEach((row) => {
        const period = joinMonth - 1 + row.shipmentIndex;
        expect(row.eventNumber).toBe((period % 6) + 1);
        expect(shipmentDate(program, state, row.shipmentIndex)).toBe(row.date);
      });
    }
  });

  it("joining before the series starts waits for event 1 on the start date", () => {
    const rows = previewShipments(program, { joinDate: "2026-12-15", count: 2 });
    expect(rows.map((r) => [r.date, r.eventNumber])).toEqual([
      ["2027-01-01", 1],
      ["2027-02-01", 2],
    ]);
  });
});
