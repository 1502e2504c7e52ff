"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { formatMoney } from "@/components/ui/format";
import { PreviewTable } from "../preview-table";
import { portalApi, programKeys } from "../api";

/** Customer: what joining today means (their next shipments), and the Join button. */
export function ProgramJoin({ programId }: { programId: string }) {
  const router = useRouter();
  const client = useQueryClient();
  const { data, error } = useQuery({ queryKey: programKeys.portalProgram(programId), queryFn: () => portalApi.program(programId) });
  const join = useMutation({
    mutationFn: () => portalApi.join(programId),
    onSuccess: async ({ subscriptionId }) => {
      await client.invalidateQueries({ queryKey: programKeys.portal() });
      router.push(`/my-programs/enrollments/${subscriptionId}`);
    },
  });
  if (error)
    return (
      <p role="alert" className="text-red-600">
        {error.message}
      </p>
    );
  if (!data) return <p className="text-sm text-slate-500">Loading…</p>;
  const { program } = data;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={program.name}
        description={`${formatMoney(program.priceMinor, program.currency)} per shipment · ${program.type} program`}
        actions={
          data.enrolledSubscriptionId ? (
            <Link className="text-sm text-brand-700 hover:underline" href={`/my-programs/enrollments/${data.enrolledSubscriptionId}`}>
              You&apos;re subscribed — see your timeline
            </Link>
          ) : (
            <Button onClick={() => join.mutate()} disabled={join.isPending}>
              {join.isPending ? "Joining…" : "Join program"}
            </Button>
          )
        }
      />
      {join.error && (
        <p role="alert" className="text-sm text-red-600">
          {join.error.message}
        </p>
      )}
      <Card title={`Your shipments if you join today (${data.joinDate})`}>
        <p className="mb-3 text-xs text-slate-500">
          {data.plannedShipments === null ? "Runs until you cancel." : `${data.plannedShipments} shipments in all.`} You can opt out of any single
          shipment until its order is prepared.
        </p>
        <PreviewTable rows={data.preview} label="Your next shipments" />
      </Card>
    </div>
  );
}
