import { describe, expect, it } from "vitest";
import { assignVersion, fnv1a32, splitBucket, type AssignmentRule } from "../index";
import { baseProgram, events, issuePaths, makeProgram } from "./fixtures";

const versions = ["v1", "vA", "vB", "vEU"].map((id) => ({ id, series: events("A") }));
const program = (assignmentRules: AssignmentRule[], id = "prog-1") => makeProgram({ id, versions, assignmentRules });
const customer = (id: string, attributes: Record<string, string> = {}) => ({ id, attributes });
const ids = Array.from({ length: 10_000 }, (_, i) => `cust-${i}`);

describe("fnv1a32", () => {
  it("matches the published FNV-1a test vectors", () => {
    expect(fnv1a32("")).toBe(0x811c9dc5);
    expect(fnv1a32("a")).toBe(0xe40c292c);
    expect(fnv1a32("foobar")).toBe(0xbf9cf968);
  });
});

describe("assignVersion", () => {
  const rules: AssignmentRule[] = [
    { when: { attribute: "region", equals: "EU" }, versionId: "vEU" },
    {
      when: { attribute: "tier", equals: "gold" },
      split: [
        { versionId: "vA", percent: 50 },
        { versionId: "vB", percent: 50 },
      ],
    },
  ];

  it("takes the first matching rule, else the default", () => {
    expect(assignVersion(program(rules), customer("c1", { region: "EU", tier: "gold" }))).toBe("vEU");
    expect(["vA", "vB"]).toContain(assignVersion(program(rules), customer("c1", { region: "US", tier: "gold" })));
    expect(assignVersion(program(rules), customer("c1", { region: "US" }))).toBe("v1");
    expect(assignVersion(program(rules), customer("c1"))).toBe("v1");
  });

  it("is deterministic per customer and program", () => {
    const split = program([
      {
        split: [
          { versionId: "vA", percent: 50 },
          { versionId: "vB", percent: 50 },
        ],
      },
    ]);
    const first = ids.slice(0, 200).map((id) => assignVersion(split, customer(id)));
    expect(ids.slice(0, 200).map((id) => assignVersion(split, customer(id)))).toEqual(first);
    expect(splitBucket("cust-1", "prog-1")).toBe(fnv1a32("cust-1:prog-1") % 100);
    // A different program reshuffles: the same customers are not always in the same arm.
    const other = program(split.assignmentRules, "prog-2");
    expect(ids.slice(0, 200).map((id) => assignVersion(other, customer(id)))).not.toEqual(first);
  });

  it("honours split proportions over 10k customers", () => {
    const split = program([
      {
        split: [
          { versionId: "vA", percent: 70 },
          { versionId: "vB", percent: 20 },
          { versionId: "v1", percent: 10 },
        ],
      },
    ]);
    const counts: Record<string, number> = {};
    for (const id of ids) {
      const version = assignVersion(split, customer(id));
      counts[version] = (counts[version] ?? 0) + 1;
    }
    expect(counts.vA! / ids.length).toBeCloseTo(0.7, 1);
    expect(Math.abs(counts.vA! - 7000)).toBeLessThan(250);
    expect(Math.abs(counts.vB! - 2000)).toBeLessThan(200);
    expect(Math.abs(counts.v1! - 1000)).toBeLessThan(150);
  });

  it("spreads buckets evenly (no decile far off 10%)", () => {
    const deciles = Array.from({ length: 10 }, () => 0);
    for (const id of ids) deciles[Math.floor(splitBucket(id, "prog-1") / 10)]! += 1;
    for (const n of deciles) expect(Math.abs(n - 1000)).toBeLessThan(150);
  });
});

describe("assignment rule validation", () => {
  const paths = (assignmentRules: unknown[]) => issuePaths({ ...baseProgram, versions, assignmentRules });

  it("accepts valid rules", () => {
    expect(
      paths([
        { when: { attribute: "tier", equals: "gold" }, versionId: "vA" },
        {
          split: [
            { versionId: "vA", percent: 60 },
            { versionId: "vB", percent: 40 },
          ],
        },
      ]),
    ).toEqual([]);
  });

  it("requires split percents to sum to 100", () => {
    expect(
      paths([
        {
          split: [
            { versionId: "vA", percent: 60 },
            { versionId: "vB", percent: 30 },
          ],
        },
      ]),
    ).toEqual(["assignmentRules.0.split"]);
  });

  it("rejects unknown and duplicate versions", () => {
    expect(paths([{ when: { attribute: "tier", equals: "x" }, versionId: "nope" }])).toEqual(["assignmentRules.0.versionId"]);
    expect(
      paths([
        {
          split: [
            { versionId: "vA", percent: 50 },
            { versionId: "ghost", percent: 50 },
          ],
        },
      ]),
    ).toEqual(["assignmentRules.0.split.1.versionId"]);
    expect(
      paths([
        {
          split: [
            { versionId: "vA", percent: 50 },
            { versionId: "vA", percent: 50 },
          ],
        },
      ]),
    ).toEqual(["assignmentRules.0.split.1.versionId"]);
    expect(issuePaths({ ...baseProgram, defaultVersionId: "ghost" })).toEqual(["defaultVersionId"]);
  });

  it("rejects rules after an unconditional split (unreachable) and ambiguous rules", () => {
    expect(paths([{ split: [{ versionId: "vA", percent: 100 }] }, { when: { attribute: "tier", equals: "x" }, versionId: "vB" }])).toEqual([
      "assignmentRules.1",
    ]);
    expect(paths([{ versionId: "vA", split: [{ versionId: "vA", percent: 100 }] }])).toEqual(["assignmentRules.0"]);
  });
});
