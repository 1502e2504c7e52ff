"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { programApi, programKeys } from "./api";

/** Inline creation of a phantom ("item of the month") product for the pickers. */
export function NewPhantomForm() {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [sku, setSku] = useState("");
  const create = useMutation({
    mutationFn: () => programApi.createPhantom({ name, sku }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: programKeys.products() });
      setOpen(false);
      setName("");
      setSku("");
    },
  });
  if (!open)
    return (
      <div className="mt-3">
        <Button variant="ghost" onClick={() => setOpen(true)}>
          + New phantom product
        </Button>
      </div>
    );
  return (
    <div className="mt-3 flex flex-wrap items-end gap-2 rounded border border-dashed border-slate-300 p-3 text-sm">
      <label className="flex flex-col">
        Phantom name
        <input className="rounded border border-slate-300 px-2 py-1" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="flex flex-col">
        SKU
        <input className="rounded border border-slate-300 px-2 py-1" value={sku} onChange={(e) => setSku(e.target.value)} />
      </label>
      <Button onClick={() => create.mutate()} disabled={create.isPending}>
        Create phantom
      </Button>
      <Button variant="ghost" onClick={() => setOpen(false)}>
        Cancel
      </Button>
      {create.error && (
        <p role="alert" className="w-full text-xs text-red-600">
          {create.error.message}
        </p>
      )}
    </div>
  );
}
