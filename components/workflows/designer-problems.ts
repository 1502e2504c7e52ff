import { type Problem, type ProblemCode, validateDefinition, type WorkflowDefinition, workflowDefinitionSchema } from "@/server/workflows/model";
import { findAction } from "./definition-edits";

/** validateDefinition's problems plus shape errors (e.g. a webhook URL that isn't one). */
export type DesignerProblem = Omit<Problem, "code"> & { code: ProblemCode | "invalid_field" };

function elementOfPath(def: WorkflowDefinition, path: readonly PropertyKey[]): Pick<Problem, "elementId" | "elementKind"> {
  const [root, i, sub, g, j] = path;
  if (root === "transitions" && typeof i === "number") {
    return { elementKind: "transition", elementId: def.transitions[i]?.id ?? null };
  }
  if (root === "states" && typeof i === "number") {
    const state = def.states[i];
    const action = sub === "actions" && typeof g === "number" && typeof j === "number" ? state?.actions[g]?.[j] : undefined;
    if (action) return { elementKind: "action", elementId: action.id };
    return { elementKind: "state", elementId: state?.id ?? null };
  }
  return { elementKind: "state", elementId: null };
}

/**
 * Everything wrong with the draft, shape errors first: the server refuses to save a draft
 * that does not parse, so those must be fixed before autosave resumes.
 */
export function designerProblems(def: WorkflowDefinition): { problems: DesignerProblem[]; parses: boolean } {
  const parsed = workflowDefinitionSchema.safeParse(def);
  const shape: DesignerProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const el = elementOfPath(def, issue.path);
        const field = issue.path.slice(-1)[0];
        return {
          code: "invalid_field" as const,
          severity: "error" as const,
          message: `${typeof field === "string" ? `${field}: ` : ""}${issue.message}`,
          ...el,
        };
      });
  return { problems: [...shape, ...validateDefinition(def)], parses: parsed.success };
}

export type ProblemCounts = { errors: number; warnings: number; messages: string[] };

/** Problems per state id (an action's problems count for its state too, so the node shows them). */
export function problemsByState(def: WorkflowDefinition, problems: readonly DesignerProblem[]): Map<string, ProblemCounts> {
  const out = new Map<string, ProblemCounts>();
  for (const p of problems) {
    if (p.elementId === null) continue;
    const stateId = p.elementKind === "state" ? p.elementId : p.elementKind === "action" ? findAction(def, p.elementId)?.state.id : undefined;
    if (!stateId) continue;
    const c = out.get(stateId) ?? { errors: 0, warnings: 0, messages: [] };
    if (p.severity === "error") c.errors++;
    else c.warnings++;
    c.messages.push(p.message);
    out.set(stateId, c);
  }
  return out;
}

/** Ids of elements with at least one error, for red outlines (actions, transitions). */
export function erroredIds(problems: readonly DesignerProblem[]): Set<string> {
  return new Set(problems.filter((p) => p.severity === "error" && p.elementId !== null).map((p) => p.elementId as string));
}
