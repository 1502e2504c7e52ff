import { describe, expect, it } from "vitest";
import { defaultWorkflowDefinition } from "../model";
import { reviewTransitionId } from "./decide-review";

describe("which manual transition a review button means", () => {
  const def = defaultWorkflowDefinition({ approvalThresholdMinor: 100 });
  it("approve → first manual exit to a non-terminal state; reject → first to a terminal one", () => {
    expect(reviewTransitionId(def, "manual_review", "merchandiser", "approve")).toBe("t_review_approve");
    expect(reviewTransitionId(def, "manual_review", "merchandiser", "reject")).toBe("t_review_reject");
    expect(reviewTransitionId(def, "manual_review", "admin", "reject")).toBe("t_review_reject");
  });
  it("nothing to decide where no manual exit fits", () => {
    expect(reviewTransitionId(def, "processing", "admin", "approve")).toBeNull();
    expect(reviewTransitionId(def, "backordered", "merchandiser", "reject")).toBeNull();
    expect(reviewTransitionId(def, "backordered", "admin", "reject")).toBe("t_backordered_cancel");
  });
});
