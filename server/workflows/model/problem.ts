/**
 * Every validation finding and its usual severity. Errors block publishing; warnings are
 * shown in the designer but a workflow with them still runs.
 */
export const PROBLEM_SEVERITY = {
  duplicate_id: "error",
  no_initial_state: "error",
  multiple_initial_states: "error",
  no_terminal_state: "error",
  unreachable_state: "warning",
  dead_end_state: "error",
  transition_from_terminal: "error",
  transition_unknown_state: "error",
  timeout_unknown_target: "error",
  failure_unknown_target: "error",
  missing_default_transition: "error",
  multiple_default_transitions: "error",
  default_transition_has_guard: "error",
  /** Downgraded to a warning for best-effort (non-critical) action types. */
  action_without_fallback: "error",
  approval_without_timeout: "error",
  guard_unknown_field: "error",
  guard_type_mismatch: "error",
} as const satisfies Record<string, "error" | "warning">;

export type ProblemCode = keyof typeof PROBLEM_SEVERITY;
export const PROBLEM_CODES = Object.keys(PROBLEM_SEVERITY) as ProblemCode[];

export type Problem = {
  code: ProblemCode;
  message: string;
  /** null for definition-wide problems (e.g. no terminal state). */
  elementId: string | null;
  elementKind: "state" | "transition" | "action";
  severity: "error" | "warning";
};

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}
