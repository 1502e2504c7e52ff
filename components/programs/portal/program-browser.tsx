"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { Card, EmptyState } from "@/components/ui/card";
import { formatMoney } from "@/components/ui/format";
import { portalApi, programKeys } from "../api";

/** Customer: programs open for joining, and their own program subscriptions. */
export function ProgramBrowser() {
  const programs = useQuery({ queryKey: programKeys.portal(), queryFn: portalApi.list });
  const mine = useQuery({ queryKey: programKeys.enrollments(), queryFn: portalApi.enrollments });
  return (
    <div className="flex flex-col gap-6">
      {(mine.data?.enrollments.length ?? 0) > 0 && (
        <Card title="Your programs">
          <ul className="flex flex-col gap-2 text-sm">
            {mine.data!.enrollments.map((e) => (
              <li key={e.subscriptionId} className="flex items-center justify-between rounded border border-slate-200 px-3 py-2">
                <span>
                  <strong>{e.programName}</strong> · joined {e.joinedOn} · {e.status}
                </span>
                <Link className="text-brand-700 hover:underline" href={`/my-programs/enrollments/${e.subscriptionId}`}>
                  Timeline
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card title="Programs you can join">
        {programs.isLoading ? (
          <p className="text-sm text-slate-500">Loading…</p>
        ) : (programs.data?.programs.length ?? 0) === 0 ? (
          <EmptyState title="No programs right now" />
        ) : (
          <ul className="grid gap-3 md:grid-cols-2">
            {programs.data!.programs.map((p) => (
              <li key={p.id} className="rounded border border-slate-200 p-4">
                <h3 className="font-semibold">{p.name}</h3>
                {p.description && <p className="mt-1 text-sm text-slate-600">{p.description}</p>}
                <p className="mt-2 text-sm">
                  {formatMoney(p.priceMinor, p.currency)} per shipment · <span className="capitalize">{p.type}</span>
                </p>
                <Link className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline" href={`/my-programs/${p.id}`}>
                  See shipments and join
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
