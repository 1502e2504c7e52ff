import { describe, expect, it } from "vitest";
import { defaultWorkflowDefinition } from "./default-workflow";
import type { WorkflowAction, WorkflowDefinition, WorkflowState } from "./definition.schema";
import { hasErrors, PROBLEM_CODES, type ProblemCode } from "./problem";
import { validateDefinition } from "./validate-definition";

const base = () => defaultWorkflowDefinition({ approvalThresholdMinor: 50_000 });
const stateOf = (d: WorkflowDefinition, id: string): WorkflowState => {
  const s = d.states.find((x) => x.id === id);
  if (!s) throw new Error(`no state ${id}`);
  return s;
};
const actionOf = (d: WorkflowDefinition, id: string): WorkflowAction => {
  const a = d.states.flatMap((s) => s.actions.flat()).find((x) => x.id === id);
  if (!a) throw new Error(`no action ${id}`);
  return a;
};
const transitionOf = (d: WorkflowDefinition, id: string) => {
  const t = d.transitions.find((x) => x.id === id);
  if (!t) throw new Error(`no transition ${id}`);
  return t;
};

type Case = [ProblemCode, (d: WorkflowDefinition) => void, string | null, "error" | "warning"];

const cases: Case[] = [
  ["duplicate_id", (d) => (transitionOf(d, "t_review_reject").id = "t_review_approve"), "t_review_approve", "error"],
  ["no_initial_state", (d) => (stateOf(d, "created").kind = "normal"), null, "error"],
  ["multiple_initial_states", (d) => (stateOf(d, "validation").kind = "initial"), "validation", "error"],
  ["no_terminal_state", (d) => d.states.forEach((s) => s.kind === "terminal" && (s.kind = "normal")), null, "error"],
  ["unreachable_state", (d) => d.states.push({ id: "orphan", label: "Orphan", kind: "terminal", actions: [] }), "orphan", "warning"],
  ["dead_end_state", (d) => (d.transitions = d.transitions.filter((t) => t.from !== "ready_to_ship")), "ready_to_ship", "error"],
  ["transition_from_terminal", (d) => (transitionOf(d, "t_review_cancel").from = "shipped"), "t_review_cancel", "error"],
  ["transition_unknown_state", (d) => (transitionOf(d, "t_ready_shipped").to = "shiped"), "t_ready_shipped", "error"],
  ["timeout_unknown_target", (d) => (stateOf(d, "backordered").timeout!.transitionTo = "gone"), "backordered", "error"],
  ["failure_unknown_target", (d) => (actionOf(d, "a_capture_payment").onFailure = { transitionTo: "gone" }), "a_capture_payment", "error"],
  ["missing_default_transition", (d) => (transitionOf(d, "t_validation_processing").isDefault = false), "validation", "error"],
  [
    "multiple_default_transitions",
    (d) => ((transitionOf(d, "t_validation_review").guard = undefined), (transitionOf(d, "t_validation_review").isDefault = true)),
    "t_validation_processing",
    "error",
  ],
  [
    "default_transition_has_guard",
    (d) => (transitionOf(d, "t_validation_processing").guard = { field: "total", op: "lt", value: 1 }),
    "t_validation_processing",
    "error",
  ],
  ["action_without_fallback", (d) => delete actionOf(d, "a_authorize_payment").onFailure, "a_authorize_payment", "error"],
  ["approval_without_timeout", (d) => delete stateOf(d, "manual_review").timeout, "a_require_approval", "error"],
  [
    "guard_unknown_field",
    (d) => (transitionOf(d, "t_validation_review").guard = { field: "weight", op: "gt", value: 1 }),
    "t_validation_review",
    "error",
  ],
  [
    "guard_type_mismatch",
    (d) => (transitionOf(d, "t_validation_review").guard = { field: "total", op: "gt", value: "50000" }),
    "t_validation_review",
    "error",
  ],
];

describe("validateDefinition", () => {
  it("finds no problem at all in the default workflow", () => {
    expect(validateDefinition(base())).toEqual([]);
  });

  it("has a crafted bad definition for every problem code", () => {
    expect(new Set(cases.map(([code]) => code))).toEqual(new Set(PROBLEM_CODES));
  });

  it.each(cases)("reports %s", (code, mutate, elementId, severity) => {
    const d = base();
    mutate(d);
    const problems = validateDefinition(d);
    expect(problems).toContainEqual(expect.objectContaining({ code, elementId, severity }));
    expect(hasErrors(problems)).toBe(severity === "error");
  });

  it("downgrades a missing fallback to a warning for best-effort actions", () => {
    const d = base();
    delete actionOf(d, "a_notify_payment_failed").onFailure;
    expect(validateDefinition(d)).toEqual([expect.objectContaining({ code: "action_without_fallback", elementKind: "action", severity: "warning" })]);
  });

  it("requires the approval's own timeoutSeconds too", () => {
    const d = base();
    const approval = actionOf(d, "a_require_approval");
    if (approval.type !== "require_approval") throw new Error("unexpected type");
    delete approval.params.timeoutSeconds;
    expect(validateDefinition(d).map((p) => p.code)).toEqual(["approval_without_timeout"]);
  });

  it("reaches states only through fallbacks and timeouts", () => {
    const d = base();
    // payment_failed and backordered have no incoming transitions, only on_failure edges.
    expect(d.transitions.some((t) => t.to === "payment_failed" || t.to === "backordered")).toBe(false);
    expect(validateDefinition(d).filter((p) => p.code === "unreachable_state")).toEqual([]);
  });
});
