"use client";

import { useEffect } from "react";
import { useQuery } from "@tanstack/react-query";
import { Card } from "@/components/ui/card";
import { workbenchApi, workbenchKeys } from "./api";

/** Polls the job row and shows batch progress until it is done. */
export function JobProgress({ programId, jobId, onDone }: { programId: string; jobId: string; onDone: () => void }) {
  const { data } = useQuery({
    queryKey: workbenchKeys.job(jobId),
    queryFn: () => workbenchApi.job(programId, jobId),
    refetchInterval: (q) => (q.state.data?.job.status === "done" || q.state.data?.job.status === "failed" ? false : 1000),
  });
  const job = data?.job;
  const done = job?.status === "done";
  useEffect(() => {
    if (done) onDone();
  }, [done, onDone]);
  const pct = job && job.total > 0 ? Math.round((job.processed / job.total) * 100) : 0;
  return (
    <Card title="Applying">
      <div
        role="progressbar"
        aria-label="Workbench progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        className="h-3 w-full overflow-hidden rounded bg-slate-100"
      >
        <div className="h-3 bg-brand-600 transition-all" style={{ width: `${pct}%` }} />
      </div>
      <p className="mt-2 text-sm" role="status">
        {!job
          ? "Queued…"
          : done
            ? `Done: ${job.applied} moved to revision ${job.toRevision}, ${job.unchanged} already up to date.`
            : `${job.processed} of ${job.total} processed (${job.status})…`}
      </p>
    </Card>
  );
}
