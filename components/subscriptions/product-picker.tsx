"use client";

import { formatMoney } from "@/components/ui/format";
import { ProductImage } from "@/components/ui/product-image";
import type { ProductDto } from "@/server/subscriptions/subscription-dto.schema";

/** Product cards as a native radio group: arrow keys move, Space selects, the legend names it. */
export function ProductPicker({
  products,
  value,
  onChange,
  error,
}: {
  products: ProductDto[];
  value: string | null;
  onChange: (id: string) => void;
  error?: string;
}) {
  return (
    <fieldset aria-describedby={error ? "product-error" : undefined}>
      <legend className="mb-3 text-sm font-semibold text-slate-800">1. Choose a product</legend>
      <div className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
        {products.map((p) => {
          const selected = p.id === value;
          return (
            <label
              key={p.id}
              className={`flex cursor-pointer items-center gap-3 rounded-lg border px-3 py-2.5 transition has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600 ${
                selected ? "border-brand-600 bg-brand-50 ring-1 ring-brand-600" : "border-slate-200 bg-white hover:border-slate-300"
              }`}
            >
              <input type="radio" name="product" value={p.id} checked={selected} onChange={() => onChange(p.id)} className="sr-only" />
              <ProductImage sku={p.sku} name={p.name} imageUrl={p.imageUrl} />
              <span className="flex min-w-0 flex-col gap-0.5">
                <span className="text-xs uppercase tracking-wide text-slate-500">{p.category.replaceAll("-", " ")}</span>
                <span className="text-sm font-medium text-slate-900">{p.name}</span>
                <span className="text-sm text-slate-700">{formatMoney(p.priceMinor, p.currency)} per item</span>
              </span>
            </label>
          );
        })}
      </div>
      {error && (
        <p id="product-error" role="alert" className="mt-2 text-xs text-red-600">
          {error}
        </p>
      )}
    </fieldset>
  );
}
