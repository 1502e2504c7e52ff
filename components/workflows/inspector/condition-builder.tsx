"use client";

import { useState } from "react";
import { type Comparison, type Condition, type ConditionOp, isComparison, ORDER_FIELDS, orderFieldSpec } from "@/server/workflows/model";
import { changeField, changeOp, defaultComparison, formatList, isListOp, opsForField, parseList } from "../condition-edits";

const OP_LABELS: Record<ConditionOp, string> = {
  eq: "=",
  neq: "≠",
  gt: ">",
  gte: "≥",
  lt: "<",
  lte: "≤",
  in: "in",
  not_in: "not in",
  contains: "contains",
};

const control = "rounded border border-slate-300 bg-white px-1.5 py-1 text-xs";

function ListInput({ c, onChange }: { c: Comparison; onChange: (c: Comparison) => void }) {
  const [text, setText] = useState(formatList(c.value));
  return (
    <input
      aria-label="Values (comma-separated)"
      className={`${control} min-w-0 flex-1`}
      value={text}
      placeholder="a, b, c"
      onChange={(e) => {
        setText(e.target.value);
        onChange({ ...c, value: parseList(e.target.value, c.field) });
      }}
    />
  );
}

/** Local text so "" or "-" can be typed; only numbers reach the definition. */
function NumberValueInput({ c, onChange }: { c: Comparison; onChange: (c: Comparison) => void }) {
  const [text, setText] = useState(String(c.value));
  return (
    <input
      aria-label="Value"
      type="number"
      className={`${control} w-24 min-w-0 flex-1`}
      value={text}
      aria-invalid={text.trim() === "" || !Number.isFinite(Number(text))}
      onChange={(e) => {
        setText(e.target.value);
        if (e.target.value.trim() !== "" && Number.isFinite(Number(e.target.value))) onChange({ ...c, value: Number(e.target.value) });
      }}
    />
  );
}

function ValueInput({ c, onChange }: { c: Comparison; onChange: (c: Comparison) => void }) {
  const type = orderFieldSpec(c.field)?.type;
  if (isListOp(c.op)) return <ListInput c={c} onChange={onChange} />;
  if (type === "boolean") {
    return (
      <select aria-label="Value" className={control} value={String(c.value)} onChange={(e) => onChange({ ...c, value: e.target.value === "true" })}>
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    );
  }
  if (type === "number") return <NumberValueInput c={c} onChange={onChange} />;
  return (
    <input
      aria-label="Value"
      className={`${control} min-w-0 flex-1`}
      value={String(c.value)}
      onChange={(e) => onChange({ ...c, value: e.target.value })}
    />
  );
}

function ComparisonRow({ c, onChange, onRemove }: { c: Comparison; onChange: (c: Condition) => void; onRemove: () => void }) {
  const spec = orderFieldSpec(c.field);
  const ops = opsForField(c.field);
  return (
    <div className="flex flex-col gap-1" data-testid="condition-row">
      <div className="flex items-center gap-1">
        <select aria-label="Field" className={`${control} min-w-0 flex-1`} value={c.field} onChange={(e) => onChange(changeField(c, e.target.value))}>
          {!spec && <option value={c.field}>⚠ {c.field}</option>}
          {ORDER_FIELDS.map((f) => (
            <option key={f.name} value={f.name}>
              {f.name}
            </option>
          ))}
        </select>
        <select aria-label="Operator" className={control} value={c.op} onChange={(e) => onChange(changeOp(c, e.target.value as ConditionOp))}>
          {!ops.includes(c.op) && <option value={c.op}>⚠ {c.op}</option>}
          {ops.map((op) => (
            <option key={op} value={op}>
              {OP_LABELS[op]}
            </option>
          ))}
        </select>
        <button
          type="button"
          aria-label="Remove condition"
          onClick={onRemove}
          className="rounded px-1 text-slate-600 hover:bg-red-50 hover:text-red-700"
        >
          ✕
        </button>
      </div>
      <div className="flex items-center gap-1">
        <ValueInput key={`${c.field}:${c.op}`} c={c} onChange={onChange} />
      </div>
      {spec && <p className="text-[11px] text-slate-600">{spec.description}</p>}
    </div>
  );
}

type NodeProps = { cond: Condition; onChange: (c: Condition) => void; onRemove: () => void; depth: number };

function ConditionNode({ cond, onChange, onRemove, depth }: NodeProps) {
  if (isComparison(cond)) return <ComparisonRow c={cond} onChange={onChange} onRemove={onRemove} />;
  if ("not" in cond) {
    return (
      <div className="rounded border border-purple-300 bg-purple-50/50 p-1.5">
        <div className="mb-1 flex items-center justify-between text-[11px] font-semibold text-purple-800">
          NOT
          <button type="button" className="font-normal text-purple-700 underline" onClick={() => onChange(cond.not)}>
            remove NOT
          </button>
        </div>
        <ConditionNode cond={cond.not} depth={depth + 1} onRemove={onRemove} onChange={(c) => onChange({ not: c })} />
      </div>
    );
  }
  const mode = "all" in cond ? "all" : "any";
  const items = "all" in cond ? cond.all : cond.any;
  const setItems = (next: Condition[]) => onChange(mode === "all" ? { all: next } : { any: next });
  return (
    <div
      className={`flex flex-col gap-2 rounded border p-1.5 ${depth === 0 ? "border-slate-300" : "border-blue-200 bg-blue-50/40"}`}
      data-testid="condition-group"
    >
      <div className="flex items-center gap-1 text-xs text-slate-600">
        Match
        <select
          aria-label="Match"
          className={control}
          value={mode}
          onChange={(e) => onChange(e.target.value === "all" ? { all: items } : { any: items })}
        >
          <option value="all">all</option>
          <option value="any">any</option>
        </select>
        of:
        <button type="button" aria-label="Remove group" onClick={onRemove} className="ml-auto rounded px-1 text-slate-600 hover:text-red-700">
          ✕
        </button>
      </div>
      {items.length === 0 && <p className="text-[11px] text-slate-500">Empty: {mode === "all" ? "always true" : "always false"}.</p>}
      {items.map((item, i) => (
        <div key={i} className="flex flex-col gap-0.5">
          <ConditionNode
            cond={item}
            depth={depth + 1}
            onChange={(c) => setItems(items.map((x, j) => (j === i ? c : x)))}
            onRemove={() => setItems(items.filter((_, j) => j !== i))}
          />
          {!("not" in item) && (
            <button
              type="button"
              className="self-start text-[10px] text-purple-700 hover:underline"
              onClick={() => setItems(items.map((x, j) => (j === i ? { not: x } : x)))}
            >
              negate
            </button>
          )}
        </div>
      ))}
      <div className="flex gap-2">
        <button type="button" className="text-xs font-medium text-blue-700 hover:underline" onClick={() => setItems([...items, defaultComparison()])}>
          + Condition
        </button>
        {depth < 3 && (
          <button
            type="button"
            className="text-xs font-medium text-blue-700 hover:underline"
            onClick={() => setItems([...items, { any: [defaultComparison()] }])}
          >
            + Group
          </button>
        )}
      </div>
    </div>
  );
}

/** Rows of field ▾ op ▾ value, in all/any groups (nestable, negatable), typed by ORDER_FIELDS. */
export function ConditionBuilder({
  guard,
  onChange,
  disabled,
}: {
  guard: Condition | undefined;
  onChange: (g: Condition | undefined) => void;
  disabled?: boolean;
}) {
  if (!guard) {
    return (
      <button
        type="button"
        disabled={disabled}
        onClick={() => onChange({ all: [defaultComparison()] })}
        className="self-start rounded border border-dashed border-slate-300 px-2 py-1 text-xs font-medium text-blue-700 hover:bg-blue-50 disabled:text-slate-400"
      >
        + Add guard condition
      </button>
    );
  }
  // A bare comparison at the root is shown inside an implicit "all" so rows can be added.
  const root: Condition = isComparison(guard) || "not" in guard ? { all: [guard] } : guard;
  return (
    <ConditionNode
      cond={root}
      depth={0}
      onRemove={() => onChange(undefined)}
      onChange={(c) => {
        const items = "all" in c ? c.all : "any" in c ? c.any : null;
        // An emptied root removes the guard; a single row collapses back to a bare comparison.
        if (items?.length === 0) onChange(undefined);
        else if ("all" in c && c.all.length === 1 && c.all[0] && isComparison(c.all[0])) onChange(c.all[0]);
        else onChange(c);
      }}
    />
  );
}
