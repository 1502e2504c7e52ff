"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Card } from "@/components/ui/card";
import { programApi, programKeys } from "./api";

/** Retention per version after k shipments: table + bar chart (which A/B version keeps people). */
export function RetentionSection({ programId }: { programId: string }) {
  const { data } = useQuery({ queryKey: programKeys.retention(programId), queryFn: () => programApi.retention(programId) });
  const [k, setK] = useState(3);
  if (!data) return null;
  return (
    <Card
      title="Retention by version"
      actions={
        <label className="text-sm">
          after
          <select
            aria-label="Shipments"
            className="mx-1 rounded border border-slate-300 px-1"
            value={k}
            onChange={(e) => setK(Number(e.target.value))}
          >
            {data.ks.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>{" "}
          shipments
        </label>
      }
    >
      {data.versions.length === 0 ? (
        <p className="text-sm text-slate-500">No subscribers yet.</p>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          <table className="text-sm" aria-label="Retention table">
            <thead className="text-left text-xs uppercase text-slate-500">
              <tr>
                <th>Version</th>
                <th>Subscribers</th>
                <th>Judged</th>
                <th>Retained</th>
                <th>Rate</th>
              </tr>
            </thead>
            <tbody>
              {data.versions.map((v) => {
                const r = v.byK[k]!;
                return (
                  <tr key={v.versionId} className="border-t border-slate-100">
                    <td>{v.versionId}</td>
                    <td>{v.subscribers}</td>
                    <td>{r.eligible}</td>
                    <td>{r.retained}</td>
                    <td>{r.rate === null ? "—" : `${Math.round(r.rate * 100)}%`}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <svg role="img" aria-label={`Retention after ${k} shipments`} viewBox={`0 0 200 ${data.versions.length * 28}`} className="w-full">
            {data.versions.map((v, i) => {
              const rate = v.byK[k]!.rate;
              return (
                <g key={v.versionId} transform={`translate(0 ${i * 28})`}>
                  <text x="0" y="17" fontSize="11">
                    {v.versionId}
                  </text>
                  <rect x="30" y="5" width="150" height="16" fill="#f1f5f9" />
                  <rect x="30" y="5" width={150 * (rate ?? 0)} height="16" fill="#10b981" />
                  <text x="184" y="17" fontSize="10">
                    {rate === null ? "—" : `${Math.round(rate * 100)}%`}
                  </text>
                </g>
              );
            })}
          </svg>
        </div>
      )}
      <p className="mt-2 text-xs text-slate-500">
        Judged: reached {k} shipments or cancelled before. Young and completed-short subscriptions are left out.
      </p>
    </Card>
  );
}
