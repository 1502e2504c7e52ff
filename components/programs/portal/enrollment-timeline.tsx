"use client";

import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { formatMoney } from "@/components/ui/format";
import { portalApi, programKeys, type EnrollmentTimeline as Timeline } from "../api";

const STATUS: Record<Timeline["entries"][number]["status"], { label: string; cls: string }> = {
  shipped: { label: "Order created", cls: "bg-emerald-100 text-emerald-800" },
  opted_out: { label: "Opted out", cls: "bg-slate-200 text-slate-700" },
  missed: { label: "Missed", cls: "bg-amber-100 text-amber-800" },
  scheduled: { label: "Scheduled", cls: "bg-sky-100 text-sky-800" },
  skipping: { label: "Opted out", cls: "bg-slate-200 text-slate-700" },
  missing_substitute: { label: "Item to be announced", cls: "bg-violet-100 text-violet-800" },
};

/** Customer: one program subscription's shipments, with per-shipment opt-out / opt back in. */
export function EnrollmentTimeline({ subscriptionId }: { subscriptionId: string }) {
  const client = useQueryClient();
  const key = programKeys.timeline(subscriptionId);
  const { data, error } = useQuery({ queryKey: key, queryFn: () => portalApi.timeline(subscriptionId) });
  const toggle = useMutation({
    mutationFn: ({ index, out }: { index: number; out: boolean }) => portalApi.optOut(subscriptionId, index, out),
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
  const cancel = useMutation({ mutationFn: () => portalApi.cancel(subscriptionId), onSettled: () => client.invalidateQueries({ queryKey: key }) });
  if (error)
    return (
      <p role="alert" className="text-red-600">
        {error.message}
      </p>
    );
  if (!data) return <p className="text-sm text-slate-500">Loading…</p>;
  const live = data.status === "active" || data.status === "paused";
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={data.programName}
        description={`Joined ${data.joinedOn} · ${data.status} · version ${data.versionId}`}
        actions={
          <span className="flex items-center gap-3">
            <Link className="text-sm text-slate-600 hover:underline" href="/my-programs">
              All programs
            </Link>
            {live && (
              <Button
                variant="danger"
                onClick={() => {
                  if (confirm("Cancel this program subscription?")) cancel.mutate();
                }}
              >
                Cancel subscription
              </Button>
            )}
          </span>
        }
      />
      {(toggle.error || cancel.error) && (
        <p role="alert" className="text-sm text-red-600">
          {(toggle.error ?? cancel.error)!.message}
        </p>
      )}
      <Card title="Shipments">
        <ol aria-label="Shipment timeline" className="flex flex-col gap-2">
          {data.entries.map((e) => {
            const s = STATUS[e.status];
            const optedOut = e.status === "skipping";
            return (
              <li
                key={e.shipmentIndex}
                data-testid="timeline-entry"
                data-shipment={e.shipmentIndex}
                className="flex flex-wrap items-center gap-3 rounded border border-slate-200 px-3 py-2 text-sm"
              >
                <span className="w-24 font-medium">{e.date}</span>
                <span className="w-20 text-slate-500">Event {e.eventNumber ?? "—"}</span>
                <span className={`flex-1 ${optedOut || e.status === "opted_out" ? "line-through text-slate-500" : ""}`}>
                  {e.shipsName ?? e.itemName}
                  {e.substituted && <span className="ml-2 rounded bg-violet-100 px-1.5 text-xs text-violet-800">{e.itemName}</span>}
                </span>
                <span className={`rounded px-2 py-0.5 text-xs ${s.cls}`} data-testid="entry-status">
                  {s.label}
                  {e.orderNumber ? ` #${e.orderNumber}` : ""}
                </span>
                {e.canChange && (
                  <Button
                    variant={optedOut ? "secondary" : "ghost"}
                    disabled={toggle.isPending}
                    aria-label={`${optedOut ? "Opt back in to" : "Opt out of"} the ${e.date} shipment`}
                    onClick={() => toggle.mutate({ index: e.shipmentIndex, out: !optedOut })}
                  >
                    {optedOut ? "Opt back in" : "Opt out"}
                  </Button>
                )}
                {e.changeableUntil && <span className="w-full text-xs text-slate-500">Changes possible until {e.changeableUntil}</span>}
              </li>
            );
          })}
        </ol>
      </Card>
      <Card title="Billing">
        <p className="text-sm">
          {data.billing.schedule === "per_shipment"
            ? "Paid per shipment."
            : data.billing.schedule === "upfront"
              ? "Paid upfront for the whole series."
              : `Paid in ${data.billing.charges.length} installments.`}{" "}
          Charged {formatMoney(data.ledger.charged, "USD")}
          {data.ledger.credited > 0 && `, store credit ${formatMoney(data.ledger.credited, "USD")}`}
          {data.ledger.refunded > 0 && `, refunded ${formatMoney(data.ledger.refunded, "USD")}`}.
        </p>
      </Card>
    </div>
  );
}
