"use client";

import {
  ACTION_TYPES,
  type ActionType,
  isCriticalAction,
  MANUAL_ROLES,
  NOTIFY_CHANNELS,
  retrySchedule,
  type WorkflowAction,
} from "@/server/workflows/model";
import { formatDuration } from "@/components/ui/format";
import { ACTION_META } from "../action-meta";
import { joinPreviousGroup, moveGroup, removeAction, splitToOwnGroup } from "../action-group-edits";
import { type ActionLocation, newAction, updateAction } from "../definition-edits";
import { CheckboxField, LinkButton, NumberField, Section, SelectField, TextField } from "./fields";
import { type InspectorProps, stateOptions } from "./types";

function ParamsFields({ action, set }: { action: WorkflowAction; set: (a: WorkflowAction, key?: string) => void }) {
  switch (action.type) {
    case "webhook":
      return (
        <>
          <TextField
            label="URL"
            value={action.params.url}
            placeholder="https://…"
            onChange={(url) => set({ ...action, params: { ...action.params, url } }, `url:${action.id}`)}
          />
          <TextField
            label="Secret name"
            value={action.params.secretName}
            hint="Name of the signing secret, not the secret itself."
            onChange={(secretName) => set({ ...action, params: { ...action.params, secretName } }, `secret:${action.id}`)}
          />
        </>
      );
    case "notify":
      return (
        <>
          <TextField
            label="Template"
            value={action.params.template}
            onChange={(template) => set({ ...action, params: { ...action.params, template } }, `template:${action.id}`)}
          />
          <SelectField
            label="Channel"
            value={action.params.channel}
            options={NOTIFY_CHANNELS.map((c) => ({ value: c, label: c === "in_app" ? "In-app" : "Email" }))}
            onChange={(channel) => set({ ...action, params: { ...action.params, channel } })}
          />
        </>
      );
    case "require_approval":
      return (
        <>
          <SelectField
            label="Approver role"
            value={action.params.approverRole}
            options={MANUAL_ROLES.map((r) => ({ value: r, label: r }))}
            onChange={(approverRole) => set({ ...action, params: { ...action.params, approverRole } })}
          />
          <NumberField
            label="Approval timeout seconds"
            value={action.params.timeoutSeconds ?? 0}
            min={1}
            hint={action.params.timeoutSeconds ? `= ${formatDuration(action.params.timeoutSeconds)}; expiry follows the state's timeout` : "Required"}
            onChange={(timeoutSeconds) => set({ ...action, params: { ...action.params, timeoutSeconds } }, `approval:${action.id}`)}
          />
        </>
      );
    default:
      return <p className="text-xs text-slate-500">No parameters.</p>;
  }
}

function RetryFields({ action, set }: { action: WorkflowAction; set: (a: WorkflowAction, key?: string) => void }) {
  const r = action.retry;
  const patch = (p: Partial<WorkflowAction["retry"]>, field: string) => set({ ...action, retry: { ...r, ...p } }, `retry:${field}:${action.id}`);
  const schedule = r.maxIntervalMs >= r.initialIntervalMs ? retrySchedule(r) : [];
  return (
    <>
      <div className="grid grid-cols-2 gap-2">
        <NumberField label="Attempts" value={r.attempts} min={1} max={50} onChange={(attempts) => patch({ attempts }, "attempts")} />
        <NumberField
          label="Backoff rate"
          value={r.backoffRate}
          min={1}
          step={0.5}
          integer={false}
          onChange={(backoffRate) => patch({ backoffRate }, "rate")}
        />
        <NumberField
          label="Initial interval ms"
          value={r.initialIntervalMs}
          min={0}
          onChange={(initialIntervalMs) => patch({ initialIntervalMs }, "initial")}
        />
        <NumberField label="Max interval ms" value={r.maxIntervalMs} min={0} onChange={(maxIntervalMs) => patch({ maxIntervalMs }, "max")} />
      </div>
      <p className="text-[11px] text-slate-500">
        {r.attempts === 1
          ? "No retries."
          : schedule.length > 0
            ? `Retries after ${schedule.map((ms) => (ms < 1000 ? `${ms}ms` : formatDuration(ms / 1000))).join(", ")}.`
            : "Max interval must be ≥ initial interval."}
      </p>
    </>
  );
}

export function ActionInspector({ loc, ...props }: InspectorProps & { loc: ActionLocation }) {
  const { def, edit, select } = props;
  const { action, state, group } = loc;
  const set = (next: WorkflowAction, key?: string) => edit((d) => updateAction(d, action.id, () => next), key);
  const groupSize = state.actions[group]?.length ?? 1;
  const targets = stateOptions(def, state.id);
  const onFailure = action.onFailure;
  const fallbackValue = onFailure?.transitionTo ?? "";

  return (
    <div className="flex flex-col gap-3" data-testid="action-inspector">
      <Section
        title="Action"
        actions={
          <LinkButton
            danger
            onClick={() => {
              edit((d) => removeAction(d, action.id));
              select({ kind: "state", id: state.id });
            }}
          >
            Delete action
          </LinkButton>
        }
      >
        <p className="text-xs text-slate-500">
          In{" "}
          <button type="button" className="text-blue-700 underline" onClick={() => select({ kind: "state", id: state.id })}>
            {state.label}
          </button>{" "}
          · id {action.id}
        </p>
        <SelectField
          label="Type"
          value={action.type}
          options={ACTION_TYPES.map((t) => ({ value: t, label: ACTION_META[t].label }))}
          onChange={(type: ActionType) => {
            const fresh = newAction(type, action.id);
            set({ ...fresh, retry: action.retry, ...(onFailure ? { onFailure } : {}) } as WorkflowAction);
          }}
        />
        <ParamsFields action={action} set={set} />
      </Section>

      <Section title="Order of execution">
        <p className="text-xs text-slate-600">
          Step {group + 1} of {state.actions.length}
          {groupSize > 1 ? `, in parallel with ${groupSize - 1} other${groupSize > 2 ? "s" : ""}` : ""}.
        </p>
        <div className="flex flex-wrap gap-1">
          <LinkButton disabled={group === 0} onClick={() => edit((d) => joinPreviousGroup(d, action.id))}>
            ∥ Run with previous step
          </LinkButton>
          <LinkButton disabled={groupSize < 2} onClick={() => edit((d) => splitToOwnGroup(d, action.id))}>
            Run on its own
          </LinkButton>
          <LinkButton label="Move step earlier" disabled={group === 0} onClick={() => edit((d) => moveGroup(d, action.id, -1))}>
            ↑ Earlier
          </LinkButton>
          <LinkButton label="Move step later" disabled={group >= state.actions.length - 1} onClick={() => edit((d) => moveGroup(d, action.id, 1))}>
            ↓ Later
          </LinkButton>
        </div>
      </Section>

      <Section title="Retry policy">
        <RetryFields action={action} set={set} />
      </Section>

      <Section title="On failure">
        <SelectField
          label="On-failure target"
          value={fallbackValue}
          hint={
            action.type === "require_approval"
              ? "An expired approval follows the state's timeout."
              : isCriticalAction(action.type)
                ? "Required for this action type."
                : "Optional: without it, failures are logged and ignored."
          }
          options={[
            { value: "", label: "— none —" },
            ...(fallbackValue && !targets.some((t) => t.value === fallbackValue) ? [{ value: fallbackValue, label: `⚠ ${fallbackValue}` }] : []),
            ...targets,
          ]}
          onChange={(to) => {
            const { onFailure: _, ...rest } = action;
            set(to ? ({ ...rest, onFailure: { ...(onFailure ?? {}), transitionTo: to } } as WorkflowAction) : (rest as WorkflowAction));
          }}
        />
        {onFailure && (
          <fieldset className="grid grid-cols-2 gap-1">
            <legend className="mb-1 text-xs font-medium text-slate-600">Compensation (run before leaving)</legend>
            {ACTION_TYPES.map((t) => (
              <CheckboxField
                key={t}
                label={ACTION_META[t].label}
                checked={onFailure.compensate?.includes(t) ?? false}
                onChange={(on) => {
                  const list = (onFailure.compensate ?? []).filter((c) => c !== t);
                  const compensate = on ? [...list, t] : list;
                  const { compensate: _, ...base } = onFailure;
                  set({ ...action, onFailure: compensate.length > 0 ? { ...base, compensate } : base } as WorkflowAction);
                }}
              />
            ))}
          </fieldset>
        )}
      </Section>
    </div>
  );
}
