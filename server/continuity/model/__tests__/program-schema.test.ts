import { describe, expect, it } from "vitest";
import { programSchema } from "../index";
import { baseProgram, events, issuePaths } from "./fixtures";

const standing = { ...baseProgram, type: "standing", startRule: "current_event", seriesStartDate: "2027-01-01", period: "monthly" } as const;

describe("programSchema", () => {
  it("accepts valid programs of every type", () => {
    expect(issuePaths(baseProgram)).toEqual([]);
    expect(issuePaths(standing)).toEqual([]);
    expect(issuePaths({ ...baseProgram, type: "perpetual", maxChildOrders: 12, payment: { schedule: "installments", installments: 12 } })).toEqual(
      [],
    );
    expect(programSchema.parse(baseProgram)).toEqual(baseProgram);
  });

  it("reports series problems on the field", () => {
    expect(issuePaths({ ...baseProgram, versions: [{ id: "v1", series: [] }] })).toEqual(["versions.0.series"]);
    expect(issuePaths({ ...baseProgram, versions: [{ id: "v1", series: [{ eventNumber: 1, productId: "A", repeat: 0 }] }] })).toEqual([
      "versions.0.series.0.repeat",
    ]);
    expect(issuePaths({ ...baseProgram, versions: [{ id: "v1", series: [{ eventNumber: 1, productId: "A", repeat: 1.5 }] }] })).toEqual([
      "versions.0.series.0.repeat",
    ]);
    const gap = events("A", "B").map((e, i) => ({ ...e, eventNumber: i === 1 ? 3 : 1 }));
    expect(issuePaths({ ...baseProgram, versions: [{ id: "v1", series: gap }] })).toEqual(["versions.0.series.1.eventNumber"]);
    expect(
      issuePaths({
        ...baseProgram,
        versions: [
          { id: "v1", series: events("A") },
          { id: "v1", series: events("B") },
        ],
      }),
    ).toEqual(["versions.1.id"]);
  });

  it("requires the program calendar for standing and current_event", () => {
    expect(issuePaths({ ...standing, seriesStartDate: null })).toEqual(["seriesStartDate"]);
    expect(issuePaths({ ...standing, period: null })).toEqual(["period"]);
    expect(issuePaths({ ...baseProgram, startRule: "current_event" })).toEqual(["seriesStartDate", "period"]);
    expect(issuePaths({ ...standing, seriesStartDate: "2027-13-01" })).toContain("seriesStartDate");
  });

  it("standing programs must start at the current event", () => {
    expect(issuePaths({ ...standing, startRule: "first_event" })).toEqual(["startRule"]);
  });

  it("prepaid billing needs a finite series", () => {
    expect(issuePaths({ ...baseProgram, type: "perpetual", payment: { schedule: "upfront" } })).toEqual(["payment.schedule"]);
    expect(issuePaths({ ...baseProgram, type: "perpetual", payment: { schedule: "installments", installments: 3 } })).toEqual(["payment.schedule"]);
    expect(issuePaths({ ...baseProgram, type: "perpetual", maxChildOrders: 6, payment: { schedule: "upfront" } })).toEqual([]);
    expect(issuePaths({ ...baseProgram, payment: { schedule: "upfront" } })).toEqual([]);
  });

  it("caps installments at the shortest series", () => {
    expect(issuePaths({ ...baseProgram, payment: { schedule: "installments", installments: 4 } })).toEqual(["payment.installments"]);
    expect(issuePaths({ ...baseProgram, maxChildOrders: 2, payment: { schedule: "installments", installments: 3 } })).toEqual([
      "payment.installments",
    ]);
    expect(issuePaths({ ...baseProgram, payment: { schedule: "installments", installments: 1 } })).toEqual(["payment.installments"]);
  });

  it("rejects bad scalar fields", () => {
    expect(issuePaths({ ...baseProgram, leadDays: -1 })).toEqual(["leadDays"]);
    expect(issuePaths({ ...baseProgram, maxChildOrders: 0 })).toEqual(["maxChildOrders"]);
    expect(issuePaths({ ...baseProgram, type: "weekly-box" })).toEqual(["type"]);
  });
});
