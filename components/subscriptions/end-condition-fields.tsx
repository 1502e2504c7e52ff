"use client";

import type { EndConditionKind } from "@/server/schedule/end-condition";

export type EndState = { kind: EndConditionKind; cycles: number; endDate: string };

/** "Until I cancel" / "After N deliveries" / "On a date", each option's input next to it. */
export function EndConditionFields({
  value,
  onChange,
  minDate,
  errors,
}: {
  value: EndState;
  onChange: (v: EndState) => void;
  minDate: string;
  errors: { kind?: string; cycles?: string; endDate?: string };
}) {
  const radio = (kind: EndConditionKind, label: string) => (
    <label className="flex items-center gap-2 text-sm text-slate-800">
      <input
        type="radio"
        name="end"
        value={kind}
        checked={value.kind === kind}
        onChange={() => onChange({ ...value, kind })}
        className="h-4 w-4 accent-brand-600"
      />
      {label}
    </label>
  );
  const input =
    "rounded-md border border-slate-300 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-500 disabled:bg-slate-100 disabled:text-slate-400";
  return (
    <fieldset>
      <legend className="mb-3 text-sm font-semibold text-slate-800">5. When should it end?</legend>
      <div className="flex flex-col gap-3">
        {radio("until_cancelled", "Until I cancel")}
        <div className="flex flex-wrap items-center gap-3">
          {radio("after_cycles", "After a number of deliveries")}
          <label htmlFor="end-cycles" className="sr-only">
            Number of deliveries
          </label>
          <input
            id="end-cycles"
            type="number"
            min={1}
            max={10000}
            className={`${input} w-20`}
            disabled={value.kind !== "after_cycles"}
            value={Number.isFinite(value.cycles) ? value.cycles : ""}
            aria-invalid={Boolean(errors.cycles)}
            aria-describedby={errors.cycles ? "end-cycles-error" : undefined}
            onChange={(e) => onChange({ ...value, cycles: e.target.value === "" ? NaN : Number(e.target.value) })}
          />
          {errors.cycles && (
            <p id="end-cycles-error" role="alert" className="w-full text-xs text-red-600">
              {errors.cycles}
            </p>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          {radio("on_date", "On a date")}
          <label htmlFor="end-date" className="sr-only">
            Last delivery date
          </label>
          <input
            id="end-date"
            type="date"
            min={minDate}
            className={input}
            disabled={value.kind !== "on_date"}
            value={value.endDate}
            aria-invalid={Boolean(errors.endDate)}
            aria-describedby={errors.endDate ? "end-date-error" : undefined}
            onChange={(e) => onChange({ ...value, endDate: e.target.value })}
          />
          {errors.endDate && (
            <p id="end-date-error" role="alert" className="w-full text-xs text-red-600">
              {errors.endDate}
            </p>
          )}
        </div>
      </div>
      {errors.kind && (
        <p role="alert" className="mt-2 text-xs text-red-600">
          {errors.kind}
        </p>
      )}
    </fieldset>
  );
}
