"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { ApiError } from "@/components/ui/fetch-json";
import { Field, Input } from "@/components/ui/field";
import { formatMoney } from "@/components/ui/format";
import { programApi, programKeys } from "./api";
import { NeedsAttention } from "./needs-attention";

const STATUS_STYLE: Record<string, string> = {
  draft: "bg-slate-100 text-slate-700",
  active: "bg-emerald-100 text-emerald-800",
  archived: "bg-amber-100 text-amber-800",
};

export function ProgramsList() {
  const { data, isLoading } = useQuery({ queryKey: programKeys.list(), queryFn: programApi.list });
  const programs = data?.programs ?? [];
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_320px]">
      <div className="flex flex-col gap-6">
        <Card title="Programs">
          {isLoading ? (
            <p className="text-sm text-slate-500">Loading…</p>
          ) : programs.length === 0 ? (
            <EmptyState title="No programs yet">Create one on the right: a series of items shipped in order.</EmptyState>
          ) : (
            <table className="w-full text-sm">
              <thead className="text-left text-xs uppercase text-slate-500">
                <tr>
                  <th className="py-2">Program</th>
                  <th>Type</th>
                  <th>Status</th>
                  <th>Revision</th>
                  <th>Price / shipment</th>
                  <th>Subscribers</th>
                  <th>Attention</th>
                </tr>
              </thead>
              <tbody>
                {programs.map((p) => (
                  <tr key={p.id} className="border-t border-slate-100">
                    <td className="py-2">
                      <Link className="font-medium text-brand-700 hover:underline" href={`/programs/${p.id}`}>
                        {p.name}
                      </Link>
                      <div className="text-xs text-slate-500">{p.sku}</div>
                    </td>
                    <td className="capitalize">{p.type}</td>
                    <td>
                      <span className={`rounded px-2 py-0.5 text-xs ${STATUS_STYLE[p.status] ?? ""}`}>{p.status}</span>
                    </td>
                    <td>{p.currentRevision ?? "—"}</td>
                    <td>{formatMoney(p.priceMinor, p.currency)}</td>
                    <td>{p.activeSubscriptions}</td>
                    <td>{p.openFlags > 0 ? <span className="text-red-700">{p.openFlags} open</span> : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
        <NeedsAttention />
      </div>
      <NewProgramForm />
    </div>
  );
}

function NewProgramForm() {
  const router = useRouter();
  const client = useQueryClient();
  const [name, setName] = useState("");
  const [sku, setSku] = useState("");
  const [price, setPrice] = useState("20.00");
  const create = useMutation({
    mutationFn: () => programApi.create({ name, sku, priceMinor: Math.round(Number(price) * 100) }),
    onSuccess: async ({ id }) => {
      await client.invalidateQueries({ queryKey: programKeys.list() });
      router.push(`/programs/${id}`);
    },
  });
  const fields = create.error instanceof ApiError ? (create.error.fields ?? {}) : {};
  return (
    <Card title="New program">
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Field label="Program name" error={fields.name}>
          {(p) => <Input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Parent product SKU" hint="Customers subscribe to this product" error={fields.sku}>
          {(p) => <Input {...p} value={sku} onChange={(e) => setSku(e.target.value)} />}
        </Field>
        <Field label="Price per shipment" error={fields.priceMinor}>
          {(p) => <Input {...p} type="number" min="0" step="0.01" value={price} onChange={(e) => setPrice(e.target.value)} />}
        </Field>
        {create.error && !create.error.message.includes("highlighted") && (
          <p role="alert" className="text-sm text-red-600">
            {create.error.message}
          </p>
        )}
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create program"}
        </Button>
      </form>
    </Card>
  );
}
