"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiError, fetchJson } from "@/components/ui/fetch-json";
import { Field, Input } from "@/components/ui/field";
import { formatDateTime } from "@/components/ui/format";
import type { tokenRoutes } from "@/server/auth/token-routes.schema";
import type { ResponseOf } from "@/server/http/route-contract";

const tokenKeys = { all: ["api-tokens"] as const };

/** Create (secret shown once), list and revoke personal API tokens. */
export function ApiTokenManager() {
  const client = useQueryClient();
  const [name, setName] = useState("");
  const [secret, setSecret] = useState<string | null>(null);
  const tokens = useQuery({
    queryKey: tokenKeys.all,
    queryFn: () => fetchJson<ResponseOf<typeof tokenRoutes.list>>("/api/v1/tokens").then((r) => r.tokens),
  });
  const create = useMutation({
    mutationFn: () => fetchJson<ResponseOf<typeof tokenRoutes.create>>("/api/v1/tokens", { method: "POST", body: { name } }),
    onSuccess: ({ token }) => {
      setSecret(token);
      setName("");
      return client.invalidateQueries({ queryKey: tokenKeys.all });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => fetchJson(`/api/v1/tokens/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSettled: () => client.invalidateQueries({ queryKey: tokenKeys.all }),
  });
  const nameError = create.error instanceof ApiError ? (create.error.fields?.name ?? create.error.message) : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSecret(null);
    create.mutate();
  };
  return (
    <div className="flex flex-col gap-6">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" noValidate>
        <div className="w-64">
          <Field label="Token name" error={nameError} hint="e.g. “Home automation”">
            {(p) => <Input {...p} value={name} onChange={(e) => setName(e.target.value)} maxLength={80} />}
          </Field>
        </div>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create token"}
        </Button>
      </form>
      {secret && (
        <div role="status" className="rounded-lg border border-brand-500 bg-brand-50 p-5">
          <p className="text-sm font-medium text-brand-700">Copy your token now — it won&apos;t be shown again.</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code data-testid="new-token" className="break-all rounded bg-white px-2 py-1 text-sm">
              {secret}
            </code>
            <Button variant="secondary" onClick={() => void navigator.clipboard?.writeText(secret)}>
              Copy
            </Button>
          </div>
          <p className="mt-2 text-xs text-slate-600">
            Use it as <code>Authorization: Bearer {"<token>"}</code>. The API is described at{" "}
            <a className="underline" href="/api/v1/openapi.json">
              /api/v1/openapi.json
            </a>
            .
          </p>
        </div>
      )}
      {tokens.isPending ? (
        <p role="status" className="text-sm text-slate-500">
          Loading tokens…
        </p>
      ) : tokens.isError ? (
        <p role="alert" className="text-sm text-red-600">
          {tokens.error.message}
        </p>
      ) : tokens.data.length === 0 ? (
        <p className="text-sm text-slate-500">No tokens yet.</p>
      ) : (
        <ul aria-label="API tokens" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {tokens.data.map((t) => (
            <li key={t.id} className="flex items-center justify-between gap-4 px-5 py-3 text-sm">
              <div>
                <p className="font-medium">{t.name}</p>
                <p className="text-xs text-slate-500">
                  Created {formatDateTime(t.createdAt)} · {t.lastUsedAt ? `last used ${formatDateTime(t.lastUsedAt)}` : "never used"}
                </p>
              </div>
              <Button variant="danger" onClick={() => revoke.mutate(t.id)} disabled={revoke.isPending} aria-label={`Revoke ${t.name}`}>
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
