"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiError, fetchJson } from "@/components/ui/fetch-json";
import type { BodyOf, ResponseOf } from "@/server/http/route-contract";
import type { productSwapRoutes } from "@/server/subscriptions/product-swap-routes.schema";

type Product = ResponseOf<typeof productSwapRoutes.list>["products"][number];
const key = ["admin", "product-swaps"] as const;

/** One form per product: a checkbox per other product its subscribers may swap to. */
export function ProductSwapEditor() {
  const list = useQuery({ queryKey: key, queryFn: () => fetchJson<ResponseOf<typeof productSwapRoutes.list>>("/api/v1/admin/product-swaps") });
  if (list.isPending) return <p role="status">Loading products…</p>;
  if (list.isError) return <p role="alert">{list.error.message}</p>;
  return (
    <div className="flex flex-col gap-4">
      {list.data.products.map((p) => (
        <ProductForm key={p.id} product={p} all={list.data.products} />
      ))}
    </div>
  );
}

function ProductForm({ product, all }: { product: Product; all: readonly Product[] }) {
  const client = useQueryClient();
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(product.swapsTo));
  const save = useMutation({
    mutationFn: (body: BodyOf<typeof productSwapRoutes.put>) =>
      fetchJson<ResponseOf<typeof productSwapRoutes.put>>(`/api/v1/admin/product-swaps/${product.id}`, { method: "PUT", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
  const id = `swaps-${product.id}`;
  const fieldError = save.error instanceof ApiError ? save.error.fields?.toProductIds : undefined;
  const toggle = (to: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(to)) next.delete(to);
      else next.add(to);
      return next;
    });
  return (
    <form
      aria-labelledby={`${id}-title`}
      className="rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ toProductIds: [...chosen] });
      }}
    >
      <h2 id={`${id}-title`} className="font-semibold">
        {product.name} <span className="text-xs font-normal text-slate-500">{product.sku}</span>
      </h2>
      <fieldset className="mt-3 flex flex-wrap gap-x-6 gap-y-2" aria-describedby={fieldError ? `${id}-error` : undefined}>
        <legend className="text-sm text-slate-700">Subscribers may swap to</legend>
        {all
          .filter((o) => o.id !== product.id)
          .map((o) => (
            <label key={o.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={chosen.has(o.id)} onChange={() => toggle(o.id)} className="accent-brand-600" />
              {o.name}
            </label>
          ))}
      </fieldset>
      <div className="mt-3 flex items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          Save swaps for {product.name}
        </Button>
        <span aria-live="polite" className="text-sm">
          {save.isSuccess && <span className="text-brand-700">Saved.</span>}
          {save.error && (
            <span id={`${id}-error`} role="alert" className="text-red-600">
              {fieldError ?? save.error.message}
            </span>
          )}
        </span>
      </div>
    </form>
  );
}
