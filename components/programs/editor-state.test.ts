import { describe, expect, it } from "vitest";
import { issuesUnder, moveEvent, nextVersionId } from "./editor-state";

const s = (...ids: string[]) => ids.map((productId, i) => ({ eventNumber: i + 1, productId, repeat: 1 }));

describe("program editor edits", () => {
  it("moves an event and renumbers the series", () => {
    expect(moveEvent(s("a", "b", "c"), 2, 0)).toEqual([
      { eventNumber: 1, productId: "c", repeat: 1 },
      { eventNumber: 2, productId: "a", repeat: 1 },
      { eventNumber: 3, productId: "b", repeat: 1 },
    ]);
    expect(moveEvent(s("a", "b"), 0, 5)).toEqual(s("a", "b"));
  });
  it("names new versions B, C …", () => {
    expect(nextVersionId(["A"])).toBe("B");
    expect(nextVersionId(["A", "B"])).toBe("C");
  });
  it("finds issues below a path", () => {
    const issues = [
      { path: "versions.0.series.1.productId", message: "x" },
      { path: "versions.10", message: "y" },
    ];
    expect(issuesUnder(issues, "versions.0")).toEqual(["x"]);
  });
});
