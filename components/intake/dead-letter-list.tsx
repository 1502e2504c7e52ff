"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { type Channel, intakeKeys, type PayloadSummary, payloadsQuery, reasonLabel, replay } from "./api";
import { ReplaySummary } from "./replay-summary";

/**
 * A channel's open dead letters grouped by reason. Rows can be selected across groups and
 * replayed together ("Replay selected") after a mapping rule or the data was fixed.
 */
export function DeadLetterList({ channel }: { channel: Channel }) {
  const qc = useQueryClient();
  const q = useQuery(payloadsQuery({ channel, status: "dead_lettered" }));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const groups = useMemo(() => groupByReason(q.data?.payloads ?? []), [q.data]);
  const run = useMutation({
    mutationFn: (ids: string[]) => replay(ids),
    onSuccess: () => setSelected(new Set()),
    onSettled: () => qc.invalidateQueries({ queryKey: intakeKeys.all }),
  });

  if (q.isPending) return <p className="text-sm text-slate-500">Loading dead letters…</p>;
  if (q.isError)
    return (
      <p role="alert" className="text-sm text-red-600">
        Could not load dead letters: {q.error.message}
      </p>
    );

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-center gap-3">
        <Button disabled={selected.size === 0 || run.isPending} onClick={() => run.mutate([...selected])}>
          {run.isPending ? "Replaying…" : `Replay selected (${selected.size})`}
        </Button>
        {run.isError && (
          <p role="alert" className="text-sm text-red-600">
            {run.error.message}
          </p>
        )}
      </div>
      {run.data && <ReplaySummary results={run.data.results} />}
      {groups.length === 0 ? (
        <EmptyState title="No dead letters">Orders that fail validation on this channel appear here with their reasons.</EmptyState>
      ) : (
        groups.map(([reason, rows]) => (
          <section key={reason} aria-labelledby={`reason-${reason}`} className="rounded-lg border border-slate-200 bg-white shadow-sm">
            <h3 id={`reason-${reason}`} className="border-b border-slate-100 px-4 py-2 text-sm font-semibold">
              {reasonLabel(reason)}{" "}
              <span className="font-normal text-slate-500">
                ({rows.length}) · {reason}
              </span>
            </h3>
            <table className="w-full text-sm">
              <caption className="sr-only">Dead letters: {reasonLabel(reason)}</caption>
              <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="w-10 px-4 py-2">
                    <span className="sr-only">Select</span>
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    External id
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    Received
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    Errors
                  </th>
                  <th scope="col" className="px-4 py-2">
                    <span className="sr-only">Open</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.id} className="border-t border-slate-100 align-top" data-testid="dead-letter-row">
                    <td className="px-4 py-2">
                      <input
                        type="checkbox"
                        checked={selected.has(p.id)}
                        onChange={() => toggle(p.id)}
                        aria-label={`Select ${p.externalId ?? p.id}`}
                      />
                    </td>
                    <td className="px-4 py-2 font-mono text-xs">
                      {p.externalId ?? "—"}
                      {p.corrected && <span className="ml-2 rounded bg-amber-100 px-1 text-amber-800">edited</span>}
                    </td>
                    <td className="px-4 py-2 text-slate-600">{formatDateTime(p.receivedAt)}</td>
                    <td className="px-4 py-2">
                      <ul className="list-none">
                        {p.errors.slice(0, 3).map((e, i) => (
                          <li key={i}>
                            <code className="text-xs text-slate-500">{e.path || "body"}</code> {e.message}
                          </li>
                        ))}
                        {p.errors.length > 3 && <li className="text-slate-500">and {p.errors.length - 3} more</li>}
                      </ul>
                    </td>
                    <td className="px-4 py-2 text-right">
                      <Link href={`/intake/${p.id}`} className="text-brand-700 underline">
                        Open
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))
      )}
    </div>
  );
}

function groupByReason(rows: PayloadSummary[]): Array<[string, PayloadSummary[]]> {
  const groups = new Map<string, PayloadSummary[]>();
  for (const row of rows) {
    const key = row.reason ?? "unknown";
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}
