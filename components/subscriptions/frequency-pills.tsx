"use client";

import { FREQUENCIES, FREQUENCY_LABELS, type Frequency } from "@/server/schedule/frequencies";

/** Frequencies as pill-shaped radios (one tab stop, arrow keys to move, like any radio group). */
export function FrequencyPills({
  value,
  onChange,
  error,
  legend,
}: {
  value: Frequency | null;
  onChange: (f: Frequency) => void;
  error?: string;
  legend: string;
}) {
  return (
    <fieldset aria-describedby={error ? "frequency-error" : undefined}>
      <legend className="mb-3 text-sm font-semibold text-slate-800">{legend}</legend>
      <div className="flex flex-wrap gap-2">
        {FREQUENCIES.map((f) => (
          <label
            key={f}
            className={`cursor-pointer rounded-full border px-4 py-1.5 text-sm transition has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600 ${
              value === f ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-700 hover:border-slate-400"
            }`}
          >
            <input type="radio" name="frequency" value={f} checked={value === f} onChange={() => onChange(f)} className="sr-only" />
            {FREQUENCY_LABELS[f]}
          </label>
        ))}
      </div>
      {error && (
        <p id="frequency-error" role="alert" className="mt-2 text-xs text-red-600">
          {error}
        </p>
      )}
    </fieldset>
  );
}
