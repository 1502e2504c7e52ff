import { describe, expect, it } from "vitest";
import { defaultWorkflowDefinition } from "./default-workflow";
import type { WorkflowDefinition } from "./definition.schema";
import { sampleOrderFacts } from "./sample-order-facts";
import { simulate } from "./simulate";

const def = defaultWorkflowDefinition({ approvalThresholdMinor: 50_000 });
const states = (r: ReturnType<typeof simulate>) => r.path.map((s) => s.state);

describe("simulate on the default workflow", () => {
  it("takes a small order to Ready to ship and waits for the shipment event", () => {
    const r = simulate(def, sampleOrderFacts({ total: 4_990 }));
    expect(states(r)).toEqual(["created", "validation", "processing", "ready_to_ship"]);
    expect(r.stop).toEqual({ reason: "awaiting_event", state: "ready_to_ship", waitingFor: ["event:order/shipped"] });
    expect(r.path[1]).toMatchObject({
      transitionTaken: { id: "t_validation_processing", kind: "transition" },
      guardFired: "default",
      guardInputs: { addressValid: true, total: 4_990 },
    });
    expect(r.path[2]?.actionsRun.map((a) => [a.actionId, a.group])).toEqual([
      ["a_authorize_payment", 0],
      ["a_reserve_inventory", 0],
      ["a_capture_payment", 1],
    ]);
  });

  it("sends a big order to Manual Review and stops for a human", () => {
    const r = simulate(def, sampleOrderFacts({ total: 50_001 }));
    expect(states(r)).toEqual(["created", "validation", "manual_review"]);
    expect(r.path[1]).toMatchObject({
      guardFired: "total > 50000",
      guardInputs: { addressValid: true, total: 50_001 },
    });
    expect(r.stop.reason).toBe("awaiting_manual");
    expect(r.stop.waitingFor).toEqual(["manual:t_review_approve", "manual:t_review_reject", "manual:t_review_cancel", "timeout:172800s"]);
  });

  it("keeps an order exactly at the threshold out of review", () => {
    expect(states(simulate(def, sampleOrderFacts({ total: 50_000 })))).toContain("processing");
  });

  it("rejects an invalid address before looking at the total", () => {
    const r = simulate(def, sampleOrderFacts({ addressValid: false, total: 90_000 }));
    expect(states(r)).toEqual(["created", "validation", "rejected"]);
    expect(r.path[1]).toMatchObject({ guardFired: "addressValid = false", guardInputs: { addressValid: false } });
    expect(r.stop).toEqual({ reason: "terminal", state: "rejected", waitingFor: [] });
  });

  it("routes a payment failure to Payment Failed, releasing inventory and skipping capture", () => {
    const r = simulate(def, sampleOrderFacts(), { a_authorize_payment: "fail" });
    expect(states(r)).toEqual(["created", "validation", "processing", "payment_failed"]);
    const processing = r.path[2];
    // The parallel group still joins: the reservation ran and must be compensated.
    expect(processing?.actionsRun.map((a) => `${a.actionId}:${a.outcome}`)).toEqual(["a_authorize_payment:fail", "a_reserve_inventory:success"]);
    expect(processing?.compensated).toEqual(["release_inventory"]);
    expect(processing?.transitionTaken).toEqual({
      id: "a_authorize_payment:on_failure",
      to: "payment_failed",
      kind: "on_failure",
    });
    expect(r.path[3]?.actionsRun.map((a) => a.actionId)).toEqual(["a_notify_payment_failed"]);
    expect(r.stop.reason).toBe("awaiting_event");
  });

  it("lets payment win when both parallel actions fail", () => {
    const r = simulate(def, sampleOrderFacts(), { a_authorize_payment: "fail", a_reserve_inventory: "fail" });
    expect(r.stop.state).toBe("payment_failed");
  });

  it("backorders on an inventory failure", () => {
    const r = simulate(def, sampleOrderFacts(), { a_reserve_inventory: "fail" });
    expect(r.path.at(-1)?.state).toBe("backordered");
    expect(r.path[2]?.compensated).toEqual(["release_inventory"]);
    expect(r.stop.waitingFor).toContain("event:inventory/restocked");
  });

  it("treats an expired approval as the state timeout", () => {
    const r = simulate(def, sampleOrderFacts({ total: 99_999 }), { a_require_approval: "fail" });
    expect(r.path[2]?.transitionTaken).toEqual({ id: "manual_review:timeout", to: "rejected", kind: "timeout" });
    expect(r.stop.reason).toBe("terminal");
  });

  it("sends a customs failure to review and ignores a failed best-effort notify without fallback", () => {
    const d = structuredClone(def);
    const notify = d.states.find((s) => s.id === "payment_failed")?.actions[0]?.[0];
    if (notify) delete notify.onFailure;
    const r = simulate(d, sampleOrderFacts(), { a_authorize_payment: "fail", a_notify_payment_failed: "fail" });
    expect(r.stop).toMatchObject({ reason: "awaiting_event", state: "payment_failed" });
    expect(simulate(def, sampleOrderFacts(), { a_tax_customs_check: "fail" }).stop.state).toBe("manual_review");
  });
});

describe("simulate safety", () => {
  const loop: WorkflowDefinition = {
    schemaVersion: 1,
    states: [
      { id: "a", label: "A", kind: "initial", actions: [] },
      { id: "b", label: "B", kind: "normal", actions: [] },
      { id: "end", label: "End", kind: "terminal", actions: [] },
    ],
    transitions: [
      { id: "ab", from: "a", to: "b", trigger: { kind: "automatic" }, priority: 0 },
      { id: "ba", from: "b", to: "a", trigger: { kind: "automatic" }, priority: 0 },
    ],
  };

  it("stops a loop at the step limit", () => {
    const r = simulate(loop, sampleOrderFacts(), {}, { maxSteps: 7 });
    expect(r.path).toHaveLength(7);
    expect(r.stop.reason).toBe("step_limit");
  });

  it("reports broken guards and unhandled critical failures instead of throwing", () => {
    const broken = structuredClone(loop);
    broken.transitions[0]!.guard = { field: "weight", op: "gt", value: 1 };
    expect(simulate(broken, sampleOrderFacts()).stop).toMatchObject({ reason: "error", state: "a" });

    const noFallback = structuredClone(def);
    delete noFallback.states.find((s) => s.id === "processing")!.actions[1]![0]!.onFailure;
    const r = simulate(noFallback, sampleOrderFacts(), { a_capture_payment: "fail" });
    expect(r.stop).toMatchObject({ reason: "unhandled_failure", state: "processing" });
  });

  it("reports a state with no way on as stuck", () => {
    const stuck = structuredClone(loop);
    stuck.transitions = [];
    expect(simulate(stuck, sampleOrderFacts()).stop).toMatchObject({ reason: "stuck", state: "a" });
  });
});
