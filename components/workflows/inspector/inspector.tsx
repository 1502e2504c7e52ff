"use client";

import { findAction } from "../definition-edits";
import { ActionInspector } from "./action-inspector";
import { StateInspector } from "./state-inspector";
import { TransitionInspector } from "./transition-inspector";
import type { InspectorProps } from "./types";
import type { Selection } from "../selection";

/** Typed fields for whatever is selected; timeout/fallback edges open their state/action. */
export function Inspector({ selection, ...props }: InspectorProps & { selection: Selection }) {
  const { def } = props;
  if (selection?.kind === "transition") {
    const t = def.transitions.find((x) => x.id === selection.id);
    if (t) return <TransitionInspector key={t.id} t={t} {...props} />;
  }
  if (selection?.kind === "action" || selection?.kind === "fallback") {
    const loc = findAction(def, selection.kind === "action" ? selection.id : selection.actionId);
    if (loc) return <ActionInspector key={loc.action.id} loc={loc} {...props} />;
  }
  if (selection?.kind === "state" || selection?.kind === "timeout") {
    const id = selection.kind === "state" ? selection.id : selection.stateId;
    const state = def.states.find((s) => s.id === id);
    if (state) return <StateInspector key={state.id} state={state} {...props} />;
  }
  return (
    <div className="flex flex-col gap-2 text-sm text-slate-600">
      <p className="font-medium text-slate-800">Nothing selected</p>
      <p>Click a state, an action inside a state, or an edge label to edit it here.</p>
      <ul className="list-disc pl-5 text-xs">
        <li>Solid edges are transitions; dashed amber edges are timeouts; dashed red edges are on-failure fallbacks.</li>
        <li>∥ groups run their actions in parallel.</li>
      </ul>
    </div>
  );
}
