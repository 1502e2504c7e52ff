"use client";

import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { FREQUENCIES, FREQUENCY_LABELS } from "@/server/schedule/frequencies";
import type { DraftDefinition, ProgramIssue } from "@/server/continuity/program-definition";
import { issueAt, type EditorState } from "./editor-state";

const TYPE_HELP: Record<DraftDefinition["type"], string> = {
  regular: "Ships the series once, from the subscriber's start slot to the end.",
  perpetual: "Starts over after the last item; runs until cancelled or max child orders.",
  standing: "Everyone gets the same item in a given period; each subscriber gets one full lap.",
};

export function BasicsSection({
  state,
  issues,
  onChange,
}: {
  state: EditorState;
  issues: ProgramIssue[];
  onChange: (fn: (s: EditorState) => EditorState) => void;
}) {
  const d = state.draft;
  const setDraft = (patch: Partial<DraftDefinition>) => onChange((s) => ({ ...s, draft: { ...s.draft, ...patch } }));
  const num = (v: string) => (v.trim() === "" ? null : Number(v));
  return (
    <Card title="Basics">
      <div className="grid gap-4 md:grid-cols-3">
        <Field label="Name">{(p) => <Input {...p} value={state.name} onChange={(e) => onChange((s) => ({ ...s, name: e.target.value }))} />}</Field>
        <Field label="Price per shipment (parent product)">
          {(p) => (
            <Input
              {...p}
              type="number"
              min="0"
              step="0.01"
              value={(state.priceMinor / 100).toFixed(2)}
              onChange={(e) => onChange((s) => ({ ...s, priceMinor: Math.round(Number(e.target.value) * 100) }))}
            />
          )}
        </Field>
        <Field label="Program type" hint={TYPE_HELP[d.type]} error={issueAt(issues, "type")}>
          {(p) => (
            <Select
              {...p}
              value={d.type}
              onChange={(e) => {
                const type = e.target.value as DraftDefinition["type"];
                setDraft(type === "standing" ? { type, startRule: "current_event" } : { type });
              }}
            >
              <option value="regular">Regular</option>
              <option value="perpetual">Perpetual</option>
              <option value="standing">Standing</option>
            </Select>
          )}
        </Field>
        <Field label="Start rule" hint="Where a new subscriber starts in the series" error={issueAt(issues, "startRule")}>
          {(p) => (
            <Select {...p} value={d.startRule} onChange={(e) => setDraft({ startRule: e.target.value as DraftDefinition["startRule"] })}>
              <option value="first_event">First event</option>
              <option value="current_event">Current event (program calendar)</option>
            </Select>
          )}
        </Field>
        <Field label="Series start date" hint="Day 1 of period 1 of the program calendar" error={issueAt(issues, "seriesStartDate")}>
          {(p) => (
            <Input {...p} type="date" value={d.seriesStartDate ?? ""} onChange={(e) => setDraft({ seriesStartDate: e.target.value || null })} />
          )}
        </Field>
        <Field label="Ships every (period)" error={issueAt(issues, "period")}>
          {(p) => (
            <Select {...p} value={d.period ?? ""} onChange={(e) => setDraft({ period: (e.target.value || null) as DraftDefinition["period"] })}>
              <option value="">—</option>
              {FREQUENCIES.map((f) => (
                <option key={f} value={f}>
                  {FREQUENCY_LABELS[f]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Lead days" hint="Orders are generated this many days before delivery; opt-outs close then" error={issueAt(issues, "leadDays")}>
          {(p) => <Input {...p} type="number" min="0" value={String(d.leadDays)} onChange={(e) => setDraft({ leadDays: Number(e.target.value) })} />}
        </Field>
        <Field label="Max child orders" hint="Empty = no limit" error={issueAt(issues, "maxChildOrders")}>
          {(p) => (
            <Input
              {...p}
              type="number"
              min="1"
              value={d.maxChildOrders === null ? "" : String(d.maxChildOrders)}
              onChange={(e) => setDraft({ maxChildOrders: num(e.target.value) })}
            />
          )}
        </Field>
        <div className="grid grid-cols-2 gap-2">
          <Field label="Payment schedule" error={issueAt(issues, "payment.schedule")}>
            {(p) => (
              <Select
                {...p}
                value={d.payment.schedule}
                onChange={(e) => {
                  const schedule = e.target.value as DraftDefinition["payment"]["schedule"];
                  setDraft({ payment: schedule === "installments" ? { schedule, installments: d.payment.installments ?? 3 } : { schedule } });
                }}
              >
                <option value="per_shipment">Per shipment</option>
                <option value="upfront">Upfront</option>
                <option value="installments">Installments</option>
              </Select>
            )}
          </Field>
          {d.payment.schedule === "installments" && (
            <Field label="Installments" error={issueAt(issues, "payment.installments")}>
              {(p) => (
                <Input
                  {...p}
                  type="number"
                  min="2"
                  value={String(d.payment.installments ?? "")}
                  onChange={(e) => setDraft({ payment: { schedule: "installments", installments: Number(e.target.value) } })}
                />
              )}
            </Field>
          )}
        </div>
      </div>
    </Card>
  );
}
