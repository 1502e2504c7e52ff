"use client";

import { type ReactNode, useId, useState } from "react";

/** Compact labelled controls for the inspector; labels are real <label>s for getByLabel and screen readers. */

const control = "w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm aria-[invalid=true]:border-red-500 disabled:bg-slate-100";

function Labelled({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  children: (id: string, describedBy?: string) => ReactNode;
}) {
  const id = useId();
  const describedBy = error ? `${id}-err` : hint ? `${id}-hint` : undefined;
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      {children(id, describedBy)}
      {error ? (
        <p id={`${id}-err`} role="alert" className="text-[11px] text-red-600">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-[11px] text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({
  label,
  value,
  onChange,
  onCommit,
  hint,
  error,
  list,
  placeholder,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  onCommit?: () => void;
  hint?: ReactNode;
  error?: string | null;
  list?: string;
  placeholder?: string;
}) {
  return (
    <Labelled label={label} hint={hint} error={error}>
      {(id, d) => (
        <input
          id={id}
          aria-describedby={d}
          aria-invalid={Boolean(error)}
          className={control}
          value={value}
          list={list}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onCommit}
          onKeyDown={(e) => {
            if (e.key === "Enter") onCommit?.();
          }}
        />
      )}
    </Labelled>
  );
}

function numberError(text: string, integer: boolean, min?: number, max?: number): string | null {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n)) return "Enter a number";
  if (integer && !Number.isInteger(n)) return "Enter a whole number";
  if (min !== undefined && n < min) return `At least ${min}`;
  if (max !== undefined && n > max) return `At most ${max}`;
  return null;
}

/**
 * Keeps its own text so the field can be empty or half-typed while editing; only valid
 * numbers reach `onChange`. Re-syncs when the value changes elsewhere (e.g. undo).
 */
export function NumberField({
  label,
  value,
  onChange,
  hint,
  min,
  max,
  step = 1,
  integer = true,
}: {
  label: string;
  value: number;
  onChange: (v: number) => void;
  hint?: ReactNode;
  min?: number;
  max?: number;
  step?: number;
  integer?: boolean;
}) {
  const [text, setText] = useState(String(value));
  const [synced, setSynced] = useState(value);
  // Adjust state during render (React's recommended alternative to a syncing effect).
  if (synced !== value) {
    setSynced(value);
    if (Number(text) !== value) setText(String(value));
  }
  const error = numberError(text, integer, min, max);
  return (
    <Labelled label={label} hint={hint} error={error}>
      {(id, d) => (
        <input
          id={id}
          type="number"
          inputMode="decimal"
          aria-describedby={d}
          aria-invalid={Boolean(error)}
          className={control}
          value={text}
          min={min}
          max={max}
          step={step}
          onChange={(e) => {
            setText(e.target.value);
            if (numberError(e.target.value, integer, min, max) === null) onChange(Number(e.target.value));
          }}
          onBlur={() => setText(String(value))}
        />
      )}
    </Labelled>
  );
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  hint,
  disabled,
}: {
  label: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange: (v: T) => void;
  hint?: ReactNode;
  disabled?: boolean;
}) {
  return (
    <Labelled label={label} hint={hint}>
      {(id, d) => (
        <select id={id} aria-describedby={d} className={control} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as T)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Labelled>
  );
}

export function CheckboxField({
  label,
  checked,
  onChange,
  hint,
  disabled,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  hint?: ReactNode;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-0.5">
      <div className="flex items-center gap-2">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
          className="h-4 w-4 rounded border-slate-300"
        />
        <label htmlFor={id} className="text-sm text-slate-700">
          {label}
        </label>
      </div>
      {hint && <p className="pl-6 text-[11px] text-slate-500">{hint}</p>}
    </div>
  );
}

export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="flex flex-col gap-2 border-t border-slate-200 pt-3 first:border-t-0 first:pt-0">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** Small text button used inside inspector sections. */
export function LinkButton({
  children,
  onClick,
  danger,
  disabled,
  label,
}: {
  children: ReactNode;
  onClick: () => void;
  danger?: boolean;
  disabled?: boolean;
  label?: string;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      aria-label={label}
      className={`rounded px-1.5 py-0.5 text-xs font-medium disabled:text-slate-300 ${danger ? "text-red-700 hover:bg-red-50" : "text-blue-700 hover:bg-blue-50"}`}
    >
      {children}
    </button>
  );
}
