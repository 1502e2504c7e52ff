"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ChannelHealthTable } from "./channel-health-table";
import { ConnectionForm } from "./connection-form";
import { type ConnectionView, connectionKeys, connectionsQuery, reconcileNow, testConnection } from "./connections-api";

/** /intake: connected stores (test, reconcile now), their health, and the form to connect another. */
export function ConnectionsPanel() {
  const q = useQuery(connectionsQuery());
  return (
    <div className="flex flex-col gap-6">
      <Card title="Channel health">
        <ChannelHealthTable />
      </Card>
      <Card title="Connected stores">
        {q.isPending && <p className="text-sm text-slate-500">Loading stores…</p>}
        {q.isError && (
          <p role="alert" className="text-sm text-red-600">
            Could not load stores: {q.error.message}
          </p>
        )}
        {q.data && q.data.connections.length === 0 && <p className="text-sm text-slate-500">No stores connected yet.</p>}
        {q.data && q.data.connections.length > 0 && (
          <ul className="flex flex-col divide-y divide-slate-100" aria-label="Connected stores">
            {q.data.connections.map((c) => (
              <ConnectionRow key={c.id} connection={c} />
            ))}
          </ul>
        )}
      </Card>
      <Card title="Connect a store">
        <ConnectionForm />
      </Card>
    </div>
  );
}

function ConnectionRow({ connection: c }: { connection: ConnectionView }) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: connectionKeys.all });
  const test = useMutation({ mutationFn: () => testConnection(c.id), onSettled: refresh });
  const reconcile = useMutation({ mutationFn: () => reconcileNow(c.id), onSettled: refresh });
  return (
    <li className="flex flex-wrap items-center gap-3 py-2 text-sm" aria-label={c.name}>
      <span className="font-medium">{c.name}</span>
      <span className="text-xs text-slate-500">
        {c.channel} · {c.slug} · webhooks: <code>{c.webhookPath}</code>
      </span>
      <span className="ml-auto flex gap-2">
        <Button type="button" variant="secondary" onClick={() => test.mutate()} disabled={test.isPending}>
          {test.isPending ? "Testing…" : "Test connection"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => reconcile.mutate()} disabled={reconcile.isPending}>
          {reconcile.isPending ? "Reconciling…" : "Reconcile now"}
        </Button>
      </span>
      {(test.data ?? (c.lastTestAt ? { ok: c.lastTestOk, message: c.lastTestMessage } : null)) && (
        <p role="status" className={`w-full text-xs ${(test.data?.ok ?? c.lastTestOk) ? "text-emerald-700" : "text-red-700"}`}>
          {test.data?.message ?? c.lastTestMessage}
        </p>
      )}
      {test.isError && (
        <p role="alert" className="w-full text-xs text-red-700">
          {test.error.message}
        </p>
      )}
      {reconcile.data && (
        <p role="status" className="w-full text-xs text-slate-600">
          {reconcile.data.error ?? `Reconciled: ${reconcile.data.fetched} changed, ${reconcile.data.missed} missed by webhooks`}
        </p>
      )}
    </li>
  );
}
