import { describe, expect, it } from "vitest";
import { findMissingSubstitutions, previewShipments, resolveSubstitution, type Substitution } from "../index";
import { baseProgram, events, issuePaths, makeProgram } from "./fixtures";

const isPhantom = (id: string) => id.startsWith("IOTM");
const subs: Substitution[] = [
  { phantomProductId: "IOTM", substituteProductId: "JAN-TEA", from: "2027-01-01", to: "2027-01-31" },
  { phantomProductId: "IOTM", substituteProductId: "FEB-TEA", from: "2027-02-01", to: "2027-02-28" },
];

describe("resolveSubstitution", () => {
  it("passes real products through", () => {
    expect(resolveSubstitution("A", "2027-01-10", subs, isPhantom)).toEqual({ productId: "A", substituted: false });
  });

  it("maps a phantom with inclusive date bounds", () => {
    expect(resolveSubstitution("IOTM", "2027-01-01", subs, isPhantom)).toEqual({ productId: "JAN-TEA", substituted: true });
    expect(resolveSubstitution("IOTM", "2027-01-31", subs, isPhantom)).toEqual({ productId: "JAN-TEA", substituted: true });
    expect(resolveSubstitution("IOTM", "2027-02-01", subs, isPhantom)).toEqual({ productId: "FEB-TEA", substituted: true });
  });

  it("reports a phantom without a substitute as missing", () => {
    expect(resolveSubstitution("IOTM", "2027-03-01", subs, isPhantom)).toEqual({ missing: true, phantomProductId: "IOTM" });
    expect(resolveSubstitution("IOTM-2", "2027-01-10", subs, isPhantom)).toEqual({ missing: true, phantomProductId: "IOTM-2" });
  });
});

describe("substitution validation", () => {
  const withSubs = (substitutions: Substitution[]) => issuePaths({ ...baseProgram, substitutions });

  it("accepts adjacent ranges and the same dates for different phantoms", () => {
    expect(withSubs([...subs, { phantomProductId: "IOTM-2", substituteProductId: "X", from: "2027-01-15", to: "2027-02-15" }])).toEqual([]);
  });

  it("rejects an overlap on the shared day, on the later range's start", () => {
    expect(withSubs([...subs, { phantomProductId: "IOTM", substituteProductId: "X", from: "2027-02-28", to: "2027-03-31" }])).toEqual([
      "substitutions.2.from",
    ]);
  });

  it("catches ranges nested in an earlier long one", () => {
    const nested: Substitution[] = [
      { phantomProductId: "P", substituteProductId: "Y", from: "2027-01-01", to: "2027-12-31" },
      { phantomProductId: "P", substituteProductId: "X", from: "2027-03-01", to: "2027-03-31" },
      { phantomProductId: "P", substituteProductId: "Z", from: "2027-05-01", to: "2027-05-31" },
    ];
    expect(withSubs(nested)).toEqual(["substitutions.1.from", "substitutions.2.from"]);
  });

  it("rejects reversed ranges, self-substitution and bad dates without crashing", () => {
    expect(withSubs([{ phantomProductId: "P", substituteProductId: "X", from: "2027-02-01", to: "2027-01-01" }])).toEqual(["substitutions.0.to"]);
    expect(withSubs([{ phantomProductId: "P", substituteProductId: "P", from: "2027-01-01", to: "2027-01-01" }])).toEqual([
      "substitutions.0.substituteProductId",
    ]);
    expect(withSubs([{ phantomProductId: "P", substituteProductId: "X", from: "2027-02-30", to: "2027-03-01" }])).toEqual(["substitutions.0.from"]);
  });
});

describe("findMissingSubstitutions", () => {
  const program = makeProgram({ versions: [{ id: "v1", series: events(["IOTM", 4]) }], leadDays: 5, substitutions: subs });
  const upcoming = previewShipments(program, { joinDate: "2027-01-15", count: 4, frequency: "monthly" });

  it("flags phantoms without a substitute up to the horizon, with flag date = ship date − lead days", () => {
    expect(upcoming.map((r) => r.date)).toEqual(["2027-01-15", "2027-02-15", "2027-03-15", "2027-04-15"]);
    expect(findMissingSubstitutions(program, upcoming, "2027-03-31", isPhantom)).toEqual([
      { phantomProductId: "IOTM", shipDate: "2027-03-15", flagDate: "2027-03-10" },
    ]);
    expect(findMissingSubstitutions(program, upcoming, "2027-04-15", isPhantom).map((m) => m.flagDate)).toEqual(["2027-03-10", "2027-04-10"]);
  });

  it("reports each phantom and date once, soonest flag first", () => {
    const many = [...upcoming].reverse().concat(upcoming);
    expect(findMissingSubstitutions(program, many, "2027-12-31", isPhantom).map((m) => m.shipDate)).toEqual(["2027-03-15", "2027-04-15"]);
  });

  it("ignores real products", () => {
    expect(findMissingSubstitutions(program, [{ date: "2027-06-01", productId: "A" }], "2027-12-31", isPhantom)).toEqual([]);
  });
});
