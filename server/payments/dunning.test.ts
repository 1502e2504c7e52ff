import { describe, expect, it } from "vitest";
import { defaultWorkflowDefinition } from "@/server/workflows/model";
import { isDunningState, parseDunningHours } from "./dunning";

describe("dunning", () => {
  it("parses the retry schedule in hours, ascending", () => {
    expect(parseDunningHours("72, 24")).toEqual([86_400_000, 259_200_000]);
    expect(parseDunningHours("0.5")).toEqual([1_800_000]);
    expect(parseDunningHours("")).toEqual([]);
  });
  it("a dunning state is where a payment action's failure leads", () => {
    const def = defaultWorkflowDefinition({ approvalThresholdMinor: 100 });
    expect(isDunningState(def, "payment_failed")).toBe(true);
    expect(isDunningState(def, "backordered")).toBe(false);
    expect(isDunningState(def, "manual_review")).toBe(false);
  });
});
