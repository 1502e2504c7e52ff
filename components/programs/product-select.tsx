"use client";

import type { CatalogItem } from "./api";

/** Product picker for series items and substitutions: real items and phantoms, grouped. */
export function ProductSelect({
  label,
  products,
  value,
  onChange,
  error,
  kinds = ["standard", "phantom"],
}: {
  label: string;
  products: CatalogItem[];
  value: string;
  onChange: (id: string) => void;
  error?: string;
  kinds?: Array<CatalogItem["kind"]>;
}) {
  const groups = [
    { kind: "standard" as const, label: "Items" },
    { kind: "phantom" as const, label: "Phantom (item of the month)" },
  ].filter((g) => kinds.includes(g.kind));
  return (
    <span className="flex flex-col">
      <select
        aria-label={label}
        aria-invalid={Boolean(error)}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="min-w-56 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm aria-[invalid=true]:border-red-500"
      >
        <option value="">Choose a product…</option>
        {groups.map((g) => (
          <optgroup key={g.kind} label={g.label}>
            {products
              .filter((p) => p.kind === g.kind)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {g.kind === "phantom" ? " (phantom)" : ""}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      {error && (
        <span role="alert" className="text-xs text-red-600">
          {error}
        </span>
      )}
    </span>
  );
}
