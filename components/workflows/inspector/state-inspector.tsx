"use client";

import { useState } from "react";
import { ACTION_TYPES, type ActionType, STATE_KINDS, type StateKind, type WorkflowState } from "@/server/workflows/model";
import { formatDuration } from "@/components/ui/format";
import { ACTION_META } from "../action-meta";
import { addAction, removeState, renameState, stateIdError, updateState } from "../definition-edits";
import { describeTrigger } from "../flow-mapping";
import { CheckboxField, LinkButton, NumberField, Section, SelectField, TextField } from "./fields";
import { type InspectorProps, stateOptions } from "./types";

const KIND_LABELS: Record<StateKind, string> = { initial: "Initial (orders start here)", normal: "Normal", terminal: "Terminal (final)" };

/** The id is committed on blur/Enter only: half-typed ids would rename every reference on each key. */
function StateIdField({ state, def, edit, select }: InspectorProps & { state: WorkflowState }) {
  const [text, setText] = useState(state.id);
  const [shownFor, setShownFor] = useState(state.id);
  if (shownFor !== state.id) {
    setShownFor(state.id);
    setText(state.id);
  }
  const error = stateIdError(def, state.id, text);
  const commit = () => {
    if (error || text === state.id) return;
    edit((d) => renameState(d, state.id, text));
    select({ kind: "state", id: text });
  };
  return (
    <TextField
      label="State id"
      value={text}
      onChange={setText}
      onCommit={commit}
      error={error}
      hint="Stored on orders and in the audit trail; references follow a rename."
    />
  );
}

export function StateInspector({ state, ...props }: InspectorProps & { state: WorkflowState }) {
  const { def, edit, select } = props;
  const set = (fn: (s: WorkflowState) => WorkflowState, key?: string) => edit((d) => updateState(d, state.id, fn), key);
  const outgoing = def.transitions.filter((t) => t.from === state.id);
  const targets = stateOptions(def, state.id);
  const [newActionType, setNewActionType] = useState<ActionType>("notify");

  return (
    <div className="flex flex-col gap-3" data-testid="state-inspector">
      <Section
        title="State"
        actions={
          <LinkButton
            danger
            onClick={() => {
              edit((d) => removeState(d, state.id));
              select(null);
            }}
          >
            Delete state
          </LinkButton>
        }
      >
        <TextField label="Label" value={state.label} onChange={(v) => set((s) => ({ ...s, label: v }), `label:${state.id}`)} />
        <StateIdField state={state} {...props} />
        <SelectField
          label="Kind"
          value={state.kind}
          options={STATE_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          onChange={(kind) => set((s) => ({ ...s, kind }))}
        />
        <CheckboxField
          label="Manual review"
          checked={Boolean(state.manualReview)}
          hint="Orders here wait in the review queue for Approve / Reject."
          onChange={(v) => set(({ manualReview: _, ...s }) => (v ? { ...s, manualReview: true } : s))}
        />
      </Section>

      <Section title="Timeout">
        <CheckboxField
          label="Leave after a timeout"
          checked={Boolean(state.timeout)}
          onChange={(v) =>
            set(({ timeout: _, ...s }) => (v ? { ...s, timeout: { afterSeconds: 86_400, transitionTo: targets[0]?.value ?? "" } } : s))
          }
        />
        {state.timeout && (
          <>
            <NumberField
              label="Timeout seconds"
              value={state.timeout.afterSeconds}
              min={1}
              hint={`= ${formatDuration(state.timeout.afterSeconds)}`}
              onChange={(afterSeconds) => set((s) => (s.timeout ? { ...s, timeout: { ...s.timeout, afterSeconds } } : s), `timeout:${state.id}`)}
            />
            <SelectField
              label="Timeout target"
              value={state.timeout.transitionTo}
              options={[
                ...(targets.some((t) => t.value === state.timeout?.transitionTo)
                  ? []
                  : [{ value: state.timeout.transitionTo, label: `⚠ ${state.timeout.transitionTo || "choose…"}` }]),
                ...targets,
              ]}
              onChange={(to) => set((s) => (s.timeout ? { ...s, timeout: { ...s.timeout, transitionTo: to } } : s))}
            />
          </>
        )}
      </Section>

      <Section title="SLA">
        <CheckboxField
          label="Expected within a time"
          checked={state.expectedWithinSeconds !== undefined}
          hint="Orders here longer than this are flagged on the Live overlay and the dashboard, and notify admins once."
          onChange={(v) => set(({ expectedWithinSeconds: _, ...s }) => (v ? { ...s, expectedWithinSeconds: 3_600 } : s))}
        />
        {state.expectedWithinSeconds !== undefined && (
          <NumberField
            label="Expected within (seconds)"
            value={state.expectedWithinSeconds}
            min={1}
            hint={`= ${formatDuration(state.expectedWithinSeconds)}`}
            onChange={(expectedWithinSeconds) => set((s) => ({ ...s, expectedWithinSeconds }), `sla:${state.id}`)}
          />
        )}
      </Section>

      <Section title="Actions">
        {state.actions.length === 0 && <p className="text-xs text-slate-500">No actions. Drag one from the palette onto this state.</p>}
        <ol className="flex flex-col gap-1">
          {state.actions.map((group, i) => (
            <li key={i} className={`rounded ${group.length > 1 ? "border border-dashed border-slate-300 p-1" : ""}`}>
              {group.length > 1 && <p className="text-[10px] font-semibold text-slate-500">∥ in parallel</p>}
              {group.map((a) => (
                <button
                  key={a.id}
                  type="button"
                  onClick={() => select({ kind: "action", id: a.id })}
                  className="flex w-full items-center gap-2 rounded px-1 py-0.5 text-left text-sm hover:bg-slate-100"
                >
                  <span className="text-xs text-slate-600">{i + 1}.</span>
                  {ACTION_META[a.type].label}
                  <span className="ml-auto truncate text-[11px] text-slate-600">{a.id}</span>
                </button>
              ))}
            </li>
          ))}
        </ol>
        <div className="flex items-end gap-2">
          <div className="flex-1">
            <SelectField
              label="New action"
              value={newActionType}
              onChange={setNewActionType}
              options={ACTION_TYPES.map((t) => ({ value: t, label: ACTION_META[t].label }))}
            />
          </div>
          <LinkButton onClick={() => edit((d) => addAction(d, state.id, newActionType).def)}>Add</LinkButton>
        </div>
      </Section>

      <Section title="Transitions out">
        {outgoing.length === 0 && <p className="text-xs text-slate-500">None. Drag from the right handle to another state.</p>}
        {[...outgoing]
          .sort((a, b) => a.priority - b.priority)
          .map((t) => (
            <button
              key={t.id}
              type="button"
              onClick={() => select({ kind: "transition", id: t.id })}
              className="flex items-center gap-2 rounded px-1 py-0.5 text-left text-sm hover:bg-slate-100"
            >
              <span>→ {t.to}</span>
              <span className="ml-auto text-[11px] text-slate-500">
                {describeTrigger(t)}
                {t.isDefault ? " · default" : ""} · p{t.priority}
              </span>
            </button>
          ))}
      </Section>
    </div>
  );
}
