import { describe, expect, it } from "vitest";
import { decideStatusUpdate } from "./status-rule";

describe("decideStatusUpdate (state rule for an existing order)", () => {
  it("treats the same channel status as a replay", () => {
    expect(decideStatusUpdate("paid", "paid", "processing")).toEqual({ kind: "duplicate" });
    expect(decideStatusUpdate("cancelled", "cancelled", "cancelled")).toEqual({ kind: "duplicate" });
  });

  it("records forward moves and refuses backward ones", () => {
    expect(decideStatusUpdate("open", "paid", "created")).toEqual({ kind: "advance" });
    expect(decideStatusUpdate("paid", "fulfilled", "processing")).toEqual({ kind: "advance" });
    expect(decideStatusUpdate("paid", "open", "processing")).toEqual({ kind: "refuse", reason: "state_regression" });
    expect(decideStatusUpdate("fulfilled", "paid", "shipped")).toEqual({ kind: "refuse", reason: "state_regression" });
  });

  it("never moves an order out of cancelled", () => {
    expect(decideStatusUpdate("cancelled", "paid", "cancelled")).toEqual({ kind: "refuse", reason: "state_regression" });
    expect(decideStatusUpdate("cancelled", "fulfilled", "cancelled")).toEqual({ kind: "refuse", reason: "state_regression" });
  });

  it("cancels an order that has not shipped, refuses once shipped, and has nothing to stop when closed", () => {
    expect(decideStatusUpdate("paid", "cancelled", "processing")).toEqual({ kind: "cancel" });
    expect(decideStatusUpdate("fulfilled", "cancelled", "ready_to_ship")).toEqual({ kind: "cancel" });
    expect(decideStatusUpdate("paid", "cancelled", "shipped")).toEqual({ kind: "refuse", reason: "already_shipped" });
    expect(decideStatusUpdate("paid", "cancelled", "rejected")).toEqual({ kind: "advance" });
    expect(decideStatusUpdate("open", "cancelled", "cancelled")).toEqual({ kind: "advance" });
  });
});
