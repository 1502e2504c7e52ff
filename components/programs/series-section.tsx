"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { ProgramIssue } from "@/server/continuity/program-definition";
import type { CatalogItem } from "./api";
import { issueAt, issuesUnder, moveEvent, nextVersionId, updateVersion, type EditorState } from "./editor-state";
import { NewPhantomForm } from "./new-phantom-form";
import { ProductSelect } from "./product-select";

type Change = (fn: (s: EditorState) => EditorState) => void;

/** Series per version: tabs, items reorderable by drag and drop (or move up/down), repeats. */
export function SeriesSection({
  state,
  issues,
  products,
  onChange,
}: {
  state: EditorState;
  issues: ProgramIssue[];
  products: CatalogItem[];
  onChange: Change;
}) {
  const [tab, setTab] = useState(0);
  const versions = state.draft.versions;
  const active = Math.min(tab, versions.length - 1);
  const addVersion = () => {
    onChange((s) => {
      const id = nextVersionId(s.draft.versions.map((v) => v.id));
      const copy = s.draft.versions[active]?.series ?? [];
      return { ...s, draft: { ...s.draft, versions: [...s.draft.versions, { id, series: copy.map((e) => ({ ...e })) }] } };
    });
    setTab(versions.length);
  };
  const removeVersion = () => {
    onChange((s) => {
      const removed = s.draft.versions[active]!.id;
      const rest = s.draft.versions.filter((_, i) => i !== active);
      return {
        ...s,
        draft: {
          ...s.draft,
          versions: rest,
          defaultVersionId: s.draft.defaultVersionId === removed ? (rest[0]?.id ?? "") : s.draft.defaultVersionId,
        },
      };
    });
    setTab(0);
  };
  return (
    <Card
      title="Series"
      actions={
        <Button variant="secondary" onClick={addVersion}>
          Add version
        </Button>
      }
    >
      <div role="tablist" aria-label="Series versions" className="mb-4 flex gap-1 border-b border-slate-200">
        {versions.map((v, i) => (
          <button
            key={i}
            role="tab"
            type="button"
            aria-selected={i === active}
            onClick={() => setTab(i)}
            className={`-mb-px rounded-t border px-3 py-1.5 text-sm ${i === active ? "border-slate-200 border-b-white bg-white font-semibold" : "border-transparent text-slate-600"} ${issuesUnder(issues, `versions.${i}`).length ? "text-red-700" : ""}`}
          >
            Version {v.id}
            {state.draft.defaultVersionId === v.id ? " (default)" : ""}
          </button>
        ))}
      </div>
      {versions[active] && (
        <VersionEditor
          key={active}
          index={active}
          state={state}
          issues={issues}
          products={products}
          onChange={onChange}
          onRemove={versions.length > 1 ? removeVersion : undefined}
        />
      )}
      <NewPhantomForm />
    </Card>
  );
}

function VersionEditor({
  index,
  state,
  issues,
  products,
  onChange,
  onRemove,
}: {
  index: number;
  state: EditorState;
  issues: ProgramIssue[];
  products: CatalogItem[];
  onChange: Change;
  onRemove?: () => void;
}) {
  const version = state.draft.versions[index]!;
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const edit = (fn: Parameters<typeof updateVersion>[2]) => onChange((s) => updateVersion(s, index, fn));
  const rename = (id: string) =>
    onChange((s) => {
      const old = s.draft.versions[index]!.id;
      const versions = s.draft.versions.map((v, i) => (i === index ? { ...v, id } : v));
      return { ...s, draft: { ...s.draft, versions, defaultVersionId: s.draft.defaultVersionId === old ? id : s.draft.defaultVersionId } };
    });
  const base = `versions.${index}`;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-2">
          Version id
          <input
            aria-label="Version id"
            className="w-24 rounded border border-slate-300 px-2 py-1"
            value={version.id}
            onChange={(e) => rename(e.target.value)}
          />
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="default-version"
            checked={state.draft.defaultVersionId === version.id}
            onChange={() => onChange((s) => ({ ...s, draft: { ...s.draft, defaultVersionId: version.id } }))}
          />
          Default version
        </label>
        {onRemove && (
          <Button variant="danger" onClick={onRemove}>
            Remove version
          </Button>
        )}
        {issueAt(issues, `${base}.id`) && (
          <span role="alert" className="text-xs text-red-600">
            {issueAt(issues, `${base}.id`)}
          </span>
        )}
        {issueAt(issues, `${base}.series`) && (
          <span role="alert" className="text-xs text-red-600">
            {issueAt(issues, `${base}.series`)}
          </span>
        )}
      </div>
      <ol aria-label={`Series of version ${version.id}`} className="flex flex-col gap-2">
        {version.series.map((event, i) => (
          <li
            key={i}
            draggable
            data-testid="series-item"
            onDragStart={(e) => {
              setDragFrom(i);
              e.dataTransfer.effectAllowed = "move";
              e.dataTransfer.setData("text/plain", String(i));
            }}
            onDragOver={(e) => {
              e.preventDefault();
              setOver(i);
            }}
            onDragLeave={() => setOver(null)}
            onDrop={(e) => {
              e.preventDefault();
              const from = dragFrom ?? Number(e.dataTransfer.getData("text/plain"));
              edit((s) => moveEvent(s, from, i));
              setDragFrom(null);
              setOver(null);
            }}
            onDragEnd={() => {
              setDragFrom(null);
              setOver(null);
            }}
            className={`flex flex-wrap items-center gap-2 rounded border bg-white px-2 py-2 ${over === i ? "border-brand-500 ring-2 ring-brand-200" : "border-slate-200"} ${dragFrom === i ? "opacity-50" : ""}`}
          >
            <span aria-hidden className="cursor-grab select-none px-1 text-slate-400" title="Drag to reorder">
              ⠿
            </span>
            <span className="w-16 text-sm font-semibold">Event {event.eventNumber}</span>
            <ProductSelect
              label={`Event ${event.eventNumber} product`}
              products={products}
              value={event.productId}
              error={issueAt(issues, `${base}.series.${i}.productId`)}
              onChange={(productId) => edit((s) => s.map((e, j) => (j === i ? { ...e, productId } : e)))}
            />
            <label className="flex items-center gap-1 text-sm">
              ×
              <input
                aria-label={`Event ${event.eventNumber} repeat`}
                type="number"
                min="1"
                className="w-16 rounded border border-slate-300 px-2 py-1"
                value={String(event.repeat)}
                onChange={(e) => edit((s) => s.map((x, j) => (j === i ? { ...x, repeat: Number(e.target.value) } : x)))}
              />
            </label>
            <span className="ml-auto flex gap-1">
              <Button
                variant="ghost"
                aria-label={`Move event ${event.eventNumber} up`}
                disabled={i === 0}
                onClick={() => edit((s) => moveEvent(s, i, i - 1))}
              >
                ↑
              </Button>
              <Button
                variant="ghost"
                aria-label={`Move event ${event.eventNumber} down`}
                disabled={i === version.series.length - 1}
                onClick={() => edit((s) => moveEvent(s, i, i + 1))}
              >
                ↓
              </Button>
              <Button variant="ghost" aria-label={`Remove event ${event.eventNumber}`} onClick={() => edit((s) => s.filter((_, j) => j !== i))}>
                ✕
              </Button>
            </span>
            {issueAt(issues, `${base}.series.${i}.repeat`) && (
              <p role="alert" className="w-full text-xs text-red-600">
                {issueAt(issues, `${base}.series.${i}.repeat`)}
              </p>
            )}
          </li>
        ))}
      </ol>
      <div>
        <Button variant="secondary" onClick={() => edit((s) => [...s, { eventNumber: s.length + 1, productId: "", repeat: 1 }])}>
          Add item
        </Button>
      </div>
    </div>
  );
}
