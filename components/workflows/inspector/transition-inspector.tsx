"use client";

import { compareTransitions, describeCondition, MANUAL_ROLES, type Transition, type TransitionTrigger } from "@/server/workflows/model";
import { KNOWN_EVENTS } from "../action-meta";
import { removeTransition, updateTransition } from "../definition-edits";
import { CheckboxField, LinkButton, NumberField, Section, SelectField, TextField } from "./fields";
import { ConditionBuilder } from "./condition-builder";
import { type InspectorProps, stateOptions } from "./types";

const TRIGGER_KINDS = [
  { value: "automatic", label: "Automatic (after the state's actions)" },
  { value: "event", label: "Event" },
  { value: "manual", label: "Manual (a person decides)" },
] as const;

function switchTrigger(kind: TransitionTrigger["kind"], prev: TransitionTrigger): TransitionTrigger {
  if (kind === prev.kind) return prev;
  if (kind === "event") return { kind, event: KNOWN_EVENTS[0] };
  if (kind === "manual") return { kind, role: "merchandiser" };
  return { kind };
}

const sameTrigger = (a: TransitionTrigger, b: TransitionTrigger) => JSON.stringify(a) === JSON.stringify(b);

export function TransitionInspector({ t, ...props }: InspectorProps & { t: Transition }) {
  const { def, edit, select } = props;
  const set = (fn: (t: Transition) => Transition, key?: string) => edit((d) => updateTransition(d, t.id, fn), key);
  const states = stateOptions(def);
  const withMissing = (id: string) => (states.some((s) => s.value === id) ? states : [{ value: id, label: `⚠ ${id}` }, ...states]);
  // Where this transition sits in evaluation order among its siblings with the same trigger.
  const siblings = def.transitions.filter((x) => x.from === t.from && sameTrigger(x.trigger, t.trigger) && !x.isDefault).sort(compareTransitions);
  const rank = siblings.findIndex((x) => x.id === t.id);

  return (
    <div className="flex flex-col gap-3" data-testid="transition-inspector">
      <Section
        title="Transition"
        actions={
          <LinkButton
            danger
            onClick={() => {
              edit((d) => removeTransition(d, t.id));
              select(null);
            }}
          >
            Delete transition
          </LinkButton>
        }
      >
        <p className="text-xs text-slate-500">id {t.id}</p>
        <div className="grid grid-cols-2 gap-2">
          <SelectField label="From" value={t.from} options={withMissing(t.from)} onChange={(from) => set((x) => ({ ...x, from }))} />
          <SelectField label="To" value={t.to} options={withMissing(t.to)} onChange={(to) => set((x) => ({ ...x, to }))} />
        </div>
      </Section>

      <Section title="Trigger">
        <SelectField
          label="Trigger"
          value={t.trigger.kind}
          options={TRIGGER_KINDS}
          onChange={(kind) => set((x) => ({ ...x, trigger: switchTrigger(kind, x.trigger) }))}
        />
        {t.trigger.kind === "event" && (
          <>
            <TextField
              label="Event name"
              value={t.trigger.event}
              list="replen-known-events"
              onChange={(event) => set((x) => ({ ...x, trigger: { kind: "event", event } }), `event:${t.id}`)}
            />
            <datalist id="replen-known-events">
              {KNOWN_EVENTS.map((e) => (
                <option key={e} value={e} />
              ))}
            </datalist>
          </>
        )}
        {t.trigger.kind === "manual" && (
          <SelectField
            label="Role"
            value={t.trigger.role}
            options={MANUAL_ROLES.map((r) => ({ value: r, label: r }))}
            hint="Admins may also take merchandiser transitions."
            onChange={(role) => set((x) => ({ ...x, trigger: { kind: "manual", role } }))}
          />
        )}
      </Section>

      <Section title="Guard">
        <NumberField
          label="Priority"
          value={t.priority}
          min={-1_000_000}
          max={1_000_000}
          hint={
            t.isDefault
              ? "The default is tried last."
              : rank >= 0
                ? `Evaluated ${ordinal(rank + 1)} of ${siblings.length} (lower priority first, then id).`
                : undefined
          }
          onChange={(priority) => set((x) => ({ ...x, priority }), `priority:${t.id}`)}
        />
        <CheckboxField
          label="Default transition"
          checked={Boolean(t.isDefault)}
          hint="Taken when no other transition for this trigger matches. A default has no guard."
          onChange={(on) => set(({ isDefault: _, guard, ...x }) => (on ? { ...x, isDefault: true } : { ...x, ...(guard ? { guard } : {}) }))}
        />
        {!t.isDefault && (
          <ConditionBuilder guard={t.guard} onChange={(guard) => set(({ guard: _, ...x }) => (guard ? { ...x, guard } : x), `guard:${t.id}`)} />
        )}
        {t.guard && <p className="rounded bg-slate-50 p-1.5 font-mono text-[11px] text-slate-600">{describeCondition(t.guard)}</p>}
      </Section>
    </div>
  );
}

function ordinal(n: number): string {
  const suffix = n % 10 === 1 && n % 100 !== 11 ? "st" : n % 10 === 2 && n % 100 !== 12 ? "nd" : n % 10 === 3 && n % 100 !== 13 ? "rd" : "th";
  return `${n}${suffix}`;
}
