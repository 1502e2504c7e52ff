"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/components/ui/fetch-json";
import { Field, Input } from "@/components/ui/field";
import { type Channel, intakeKeys, productsQuery, saveAlias } from "./api";

/** "Add SKU alias": on this channel, the unknown SKU `fromSku` is our product picked here. */
export function SkuAliasForm({ channel, fromSku }: { channel: Channel; fromSku: string }) {
  const qc = useQueryClient();
  const products = useQuery(productsQuery());
  const [toSku, setToSku] = useState("");
  const listId = useId();
  const save = useMutation({
    mutationFn: (target: string) => saveAlias({ channel, fromSku, toSku: target }),
    onSuccess: () => qc.invalidateQueries({ queryKey: intakeKeys.all }),
  });
  const error = save.error instanceof ApiError ? (save.error.fields?.toSku ?? save.error.message) : save.error?.message;
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(toSku.trim());
      }}
    >
      <div className="min-w-64">
        <Field label={`Map ${fromSku} to`} error={error} hint="One of our sellable SKUs">
          {(props) => <Input {...props} list={listId} value={toSku} onChange={(e) => setToSku(e.target.value)} placeholder="Our SKU" required />}
        </Field>
        <datalist id={listId}>
          {products.data?.products.map((p) => (
            <option key={p.sku} value={p.sku}>
              {p.name}
            </option>
          ))}
        </datalist>
      </div>
      <Button type="submit" variant="secondary" disabled={save.isPending || toSku.trim() === ""}>
        Add SKU alias
      </Button>
      {save.isSuccess && (
        <p role="status" className="text-sm text-brand-700">
          Alias saved: {fromSku} → {save.variables}. {save.data.affectedPayloadIds.length} dead letter(s) carry this SKU; replay them to apply it.
        </p>
      )}
    </form>
  );
}
