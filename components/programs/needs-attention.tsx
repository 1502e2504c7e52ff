"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { Card } from "@/components/ui/card";
import { programApi, programKeys } from "./api";

/** Missing substitutions to fix before their flag date (generation would stop there). */
export function NeedsAttention({ programId }: { programId?: string }) {
  const { data } = useQuery({ queryKey: programKeys.flags(), queryFn: programApi.flags, refetchInterval: 60_000 });
  const flags = (data?.flags ?? []).filter((f) => !programId || f.programId === programId);
  return (
    <Card
      title={
        <span>
          Needs attention {flags.length > 0 && <span className="ml-1 rounded-full bg-red-100 px-2 text-xs text-red-700">{flags.length}</span>}
        </span>
      }
    >
      {flags.length === 0 ? (
        <p className="text-sm text-slate-500">Every upcoming phantom shipment has a substitute.</p>
      ) : (
        <ul className="flex flex-col gap-2 text-sm" aria-label="Missing substitutions">
          {flags.map((f) => (
            <li key={f.id} className="flex items-center justify-between gap-3 rounded border border-red-200 bg-red-50 px-3 py-2">
              <span>
                <strong>{f.phantomName}</strong> has no substitute for the {f.shipDate} shipment
                {!programId && (
                  <>
                    {" "}
                    of{" "}
                    <Link className="underline" href={`/programs/${f.programId}`}>
                      {f.programName}
                    </Link>
                  </>
                )}
              </span>
              <span className={`whitespace-nowrap text-xs ${f.overdue ? "font-semibold text-red-700" : "text-slate-600"}`}>
                {f.overdue ? "overdue since" : "fix by"} {f.flagDate}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
