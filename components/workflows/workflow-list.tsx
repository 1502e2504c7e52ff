"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { EmptyState } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { workflowListQuery } from "./api";

export function WorkflowList() {
  const list = useQuery(workflowListQuery());
  if (list.isPending) return <p className="text-sm text-slate-500">Loading workflows…</p>;
  if (list.isError)
    return (
      <p role="alert" className="text-sm text-red-600">
        Could not load workflows: {list.error.message}
      </p>
    );
  if (list.data.workflows.length === 0)
    return <EmptyState title="No workflows yet">The default order workflow is created when the store is set up.</EmptyState>;
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-sm">
        <caption className="sr-only">Workflows</caption>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Workflow
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Live version
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Orders in flight
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Draft edited
            </th>
          </tr>
        </thead>
        <tbody>
          {list.data.workflows.map((w) => (
            <tr key={w.id} className="border-t border-slate-100 hover:bg-slate-50">
              <td className="px-4 py-3">
                <Link href={`/workflows/${w.id}`} className="font-medium text-brand-700 hover:underline">
                  {w.name}
                </Link>
              </td>
              <td className="px-4 py-3">
                {w.liveVersion === null ? (
                  <span className="text-slate-500">Not published</span>
                ) : (
                  <span className="rounded bg-brand-100 px-1.5 py-0.5 text-xs font-semibold text-brand-700">v{w.liveVersion}</span>
                )}
              </td>
              <td className="px-4 py-3 text-right tabular-nums">{w.inFlight}</td>
              <td className="px-4 py-3 text-slate-600">{w.draftUpdatedAt ? formatDateTime(w.draftUpdatedAt) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
