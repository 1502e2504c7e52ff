"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { DraftDefinition, ProgramIssue } from "@/server/continuity/program-definition";
import { issueAt, issuesUnder, type EditorState } from "./editor-state";

type Change = (fn: (s: EditorState) => EditorState) => void;
type Rule = DraftDefinition["assignmentRules"][number];
const ATTRIBUTES = ["tier", "region"];

/** Ordered version-assignment rules: attribute equals → version, or a percentage split (A/B). */
export function AssignmentSection({ state, issues, onChange }: { state: EditorState; issues: ProgramIssue[]; onChange: Change }) {
  const rules = state.draft.assignmentRules;
  const versionIds = state.draft.versions.map((v) => v.id);
  const setRules = (fn: (r: Rule[]) => Rule[]) => onChange((s) => ({ ...s, draft: { ...s.draft, assignmentRules: fn(s.draft.assignmentRules) } }));
  const set = (i: number, rule: Rule) => setRules((r) => r.map((x, j) => (j === i ? rule : x)));
  const versionSelect = (label: string, value: string | undefined, onPick: (v: string) => void) => (
    <select aria-label={label} className="rounded border border-slate-300 px-2 py-1" value={value ?? ""} onChange={(e) => onPick(e.target.value)}>
      <option value="">—</option>
      {versionIds.map((v) => (
        <option key={v} value={v}>
          Version {v}
        </option>
      ))}
    </select>
  );
  return (
    <Card
      title="Versions & assignment rules"
      actions={
        <span className="flex gap-2">
          <Button
            variant="secondary"
            onClick={() => setRules((r) => [...r, { when: { attribute: "tier", equals: "" }, versionId: versionIds[0] ?? "" }])}
          >
            Add attribute rule
          </Button>
          <Button
            variant="secondary"
            onClick={() =>
              setRules((r) => [
                ...r,
                {
                  split: versionIds.map((v, i) => ({
                    versionId: v,
                    percent: i === 0 ? 100 - Math.floor(100 / versionIds.length) * (versionIds.length - 1) : Math.floor(100 / versionIds.length),
                  })),
                },
              ])
            }
          >
            Add A/B split
          </Button>
        </span>
      }
    >
      <p className="mb-3 text-xs text-slate-500">
        First matching rule wins; otherwise version {state.draft.defaultVersionId || "—"} (default). Splits are deterministic per customer.
      </p>
      {rules.length === 0 && <p className="text-sm text-slate-500">No rules: everyone gets the default version.</p>}
      <ol className="flex flex-col gap-2">
        {rules.map((rule, i) => {
          const errs = issuesUnder(issues, `assignmentRules.${i}`);
          const total = rule.split?.reduce((sum, s) => sum + (Number.isFinite(s.percent) ? s.percent : 0), 0) ?? 0;
          return (
            <li
              key={i}
              data-testid="assignment-rule"
              className={`rounded border p-3 text-sm ${errs.length ? "border-red-300 bg-red-50" : "border-slate-200"}`}
            >
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-semibold">Rule {i + 1}</span>
                <label className="flex items-center gap-1">
                  <input
                    type="checkbox"
                    checked={Boolean(rule.when)}
                    onChange={(e) => set(i, { ...rule, when: e.target.checked ? { attribute: "tier", equals: "" } : undefined })}
                    disabled={!rule.split}
                  />
                  when
                </label>
                {rule.when && (
                  <>
                    <select
                      aria-label={`Rule ${i + 1} attribute`}
                      className="rounded border border-slate-300 px-2 py-1"
                      value={rule.when.attribute}
                      onChange={(e) => set(i, { ...rule, when: { ...rule.when!, attribute: e.target.value } })}
                    >
                      {ATTRIBUTES.map((a) => (
                        <option key={a}>{a}</option>
                      ))}
                    </select>
                    equals
                    <input
                      aria-label={`Rule ${i + 1} value`}
                      className="w-28 rounded border border-slate-300 px-2 py-1"
                      value={rule.when.equals}
                      onChange={(e) => set(i, { ...rule, when: { ...rule.when!, equals: e.target.value } })}
                    />
                  </>
                )}
                {!rule.split && <>→ {versionSelect(`Rule ${i + 1} version`, rule.versionId, (v) => set(i, { ...rule, versionId: v }))}</>}
                <span className="ml-auto flex gap-1">
                  <Button
                    variant="ghost"
                    aria-label={`Move rule ${i + 1} up`}
                    disabled={i === 0}
                    onClick={() =>
                      setRules((r) => {
                        const n = [...r];
                        [n[i - 1], n[i]] = [n[i]!, n[i - 1]!];
                        return n;
                      })
                    }
                  >
                    ↑
                  </Button>
                  <Button variant="ghost" aria-label={`Remove rule ${i + 1}`} onClick={() => setRules((r) => r.filter((_, j) => j !== i))}>
                    ✕
                  </Button>
                </span>
              </div>
              {rule.split && (
                <div className="mt-2 flex flex-col gap-1 pl-4">
                  {rule.split.map((share, j) => (
                    <div key={j} className="flex items-center gap-2">
                      {versionSelect(`Rule ${i + 1} split ${j + 1} version`, share.versionId, (v) =>
                        set(i, { ...rule, split: rule.split!.map((x, k) => (k === j ? { ...x, versionId: v } : x)) }),
                      )}
                      <input
                        aria-label={`Rule ${i + 1} split ${j + 1} percent`}
                        type="number"
                        min="1"
                        max="100"
                        className="w-20 rounded border border-slate-300 px-2 py-1"
                        value={String(share.percent)}
                        onChange={(e) =>
                          set(i, { ...rule, split: rule.split!.map((x, k) => (k === j ? { ...x, percent: Number(e.target.value) } : x)) })
                        }
                      />
                      %
                      <Button
                        variant="ghost"
                        aria-label={`Remove split row ${j + 1}`}
                        onClick={() => set(i, { ...rule, split: rule.split!.filter((_, k) => k !== j) })}
                      >
                        ✕
                      </Button>
                    </div>
                  ))}
                  <div className="flex items-center gap-3">
                    <Button variant="ghost" onClick={() => set(i, { ...rule, split: [...rule.split!, { versionId: "", percent: 0 }] })}>
                      + row
                    </Button>
                    <span className={total === 100 ? "text-emerald-700" : "text-red-700"}>Total {total}%</span>
                  </div>
                </div>
              )}
              {errs.map((m, k) => (
                <p key={k} role="alert" className="mt-1 text-xs text-red-600">
                  {m}
                </p>
              ))}
            </li>
          );
        })}
      </ol>
      {issueAt(issues, "defaultVersionId") && (
        <p role="alert" className="mt-2 text-xs text-red-600">
          {issueAt(issues, "defaultVersionId")}
        </p>
      )}
    </Card>
  );
}
