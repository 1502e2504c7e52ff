"use client";

import { MAX_QUANTITY } from "@/server/subscriptions/subscription.schema";

/** − [n] + with a labelled number input; the buttons are real buttons with names for screen readers. */
export function QuantityStepper({
  value,
  onChange,
  error,
  label = "Quantity",
  id = "quantity",
}: {
  value: number;
  onChange: (n: number) => void;
  error?: string;
  label?: string;
  id?: string;
}) {
  const clamp = (n: number) => Math.min(MAX_QUANTITY, Math.max(1, Math.round(n)));
  const button = "h-9 w-9 rounded-md border border-slate-300 bg-white text-lg leading-none hover:bg-slate-50 disabled:text-slate-300";
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <button type="button" className={button} aria-label="Decrease quantity" disabled={value <= 1} onClick={() => onChange(clamp(value - 1))}>
          −
        </button>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_QUANTITY}
          value={Number.isFinite(value) ? value : ""}
          onChange={(e) => onChange(e.target.value === "" ? NaN : Number(e.target.value))}
          onBlur={() => onChange(clamp(Number.isFinite(value) ? value : 1))}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${id}-error` : undefined}
          className="w-16 rounded-md border border-slate-300 px-2 py-1.5 text-center text-sm aria-[invalid=true]:border-red-500"
        />
        <button
          type="button"
          className={button}
          aria-label="Increase quantity"
          disabled={value >= MAX_QUANTITY}
          onClick={() => onChange(clamp(value + 1))}
        >
          +
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
