import type { StatePosition, WorkflowDefinition } from "./definition.schema";
import { bfsLayers } from "./workflow-edges";

export const LAYOUT_SPACING = { column: 320, row: 150 } as const;

/**
 * Layered left-to-right layout: column = BFS distance from the initial state, rows centred
 * on y = 0 in discovery order. Unreachable states get an extra column on the right so they
 * stay visible (and obviously disconnected). Deliberately simple; no crossing minimisation.
 */
export function autoLayout(def: WorkflowDefinition, spacing: { column: number; row: number } = LAYOUT_SPACING): Record<string, StatePosition> {
  const initial = def.states.find((s) => s.kind === "initial");
  const depth = initial ? bfsLayers(def, initial.id) : new Map<string, number>();
  const lastColumn = Math.max(-1, ...depth.values()) + 1;
  const columns = new Map<number, string[]>();
  // bfsLayers inserts in discovery order; unreachable states follow in definition order.
  const ordered = [...depth.keys(), ...def.states.map((s) => s.id).filter((id) => !depth.has(id))];
  for (const id of new Set(ordered)) {
    const col = depth.get(id) ?? lastColumn;
    columns.set(col, [...(columns.get(col) ?? []), id]);
  }
  const positions: Record<string, StatePosition> = {};
  for (const [col, ids] of columns) {
    ids.forEach((id, row) => {
      positions[id] = { x: col * spacing.column, y: (row - (ids.length - 1) / 2) * spacing.row };
    });
  }
  return positions;
}

/** Convenience for the designer's "Tidy up" button. */
export function withAutoLayout(def: WorkflowDefinition): WorkflowDefinition {
  const positions = autoLayout(def);
  return { ...def, states: def.states.map((s) => ({ ...s, position: positions[s.id] ?? s.position })) };
}
