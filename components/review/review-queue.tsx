"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { dashboardKeys } from "@/components/dashboard/api";
import { orderKeys } from "@/components/orders-admin/api";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { formatDuration, formatMoney } from "@/components/ui/format";
import { decideReview, type ReviewDecision, type ReviewItem, reviewKeys, reviewQueueQuery } from "./api";

type Vars = { item: ReviewItem; decision: ReviewDecision; note?: string };

function RejectForm({ onConfirm, onCancel }: { onConfirm: (note: string) => void; onCancel: () => void }) {
  const [note, setNote] = useState("");
  return (
    <form
      className="flex items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onConfirm(note);
      }}
    >
      <label className="sr-only" htmlFor="reject-note">
        Reason (optional)
      </label>
      <input
        id="reject-note"
        autoFocus
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder="Reason (optional)"
        className="w-44 rounded border border-slate-300 px-2 py-1 text-sm"
      />
      <Button type="submit" variant="danger">
        Confirm reject
      </Button>
      <Button variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
    </form>
  );
}

/**
 * Orders waiting in a manual-review state. Decisions remove the row at once (optimistic)
 * and put it back with the server's message if the decision is refused (e.g. someone else
 * decided first).
 */
export function ReviewQueue() {
  const qc = useQueryClient();
  const q = useQuery(reviewQueueQuery());
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const decide = useMutation({
    mutationFn: ({ item, decision, note }: Vars) => decideReview(item.orderId, decision, note),
    onMutate: async ({ item }) => {
      const { queryKey } = reviewQueueQuery();
      await qc.cancelQueries({ queryKey });
      const previous = qc.getQueryData(queryKey);
      qc.setQueryData(queryKey, (old) => old && { items: old.items.filter((i) => i.orderId !== item.orderId) });
      setRejecting(null);
      return { previous };
    },
    onError: (_e, _vars, ctx) => {
      if (ctx?.previous) qc.setQueryData(reviewQueueQuery().queryKey, ctx.previous);
    },
    onSuccess: (_d, { item, decision }) => setDone(`Order #${item.number} ${decision === "approve" ? "approved" : "rejected"}.`),
    onSettled: (_d, _e, { item }) => {
      void qc.invalidateQueries({ queryKey: reviewKeys.all });
      void qc.invalidateQueries({ queryKey: dashboardKeys.all });
      void qc.invalidateQueries({ queryKey: orderKeys.detail(item.orderId) });
    },
  });

  if (q.isPending) return <p className="text-sm text-slate-500">Loading review queue…</p>;
  if (q.isError)
    return (
      <p role="alert" className="text-sm text-red-600">
        Could not load the review queue: {q.error.message}
      </p>
    );

  return (
    <div className="flex flex-col gap-3">
      {decide.isError && (
        <p role="alert" className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {decide.error.message}
        </p>
      )}
      {done && !decide.isError && (
        <p role="status" className="text-sm text-brand-700">
          {done}
        </p>
      )}
      {q.data.items.length === 0 ? (
        <EmptyState title="Nothing to review">Orders routed to a manual-review state appear here.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-sm">
            <caption className="sr-only">Orders waiting for review, oldest first</caption>
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Order
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Customer
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  Total
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  State
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Waiting
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  <span className="sr-only">Decision</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...q.data.items]
                .sort((a, b) => b.ageSeconds - a.ageSeconds)
                .map((item) => (
                  <tr key={item.orderId} className="border-t border-slate-100" data-testid={`review-row-${item.number}`}>
                    <td className="px-4 py-3">
                      <Link href={`/orders/${item.orderId}`} className="font-medium text-brand-700 hover:underline">
                        #{item.number}
                      </Link>
                    </td>
                    <td className="px-4 py-3">{item.customerName}</td>
                    <td className="px-4 py-3 text-right tabular-nums">{formatMoney(item.totalMinor, item.currency)}</td>
                    <td className="px-4 py-3 text-slate-600">{item.stateLabel ?? item.state}</td>
                    <td className="px-4 py-3 tabular-nums" title={new Date(item.enteredAt).toLocaleString()}>
                      {formatDuration(item.ageSeconds)}
                    </td>
                    <td className="px-4 py-3">
                      {rejecting === item.orderId ? (
                        <RejectForm
                          onCancel={() => setRejecting(null)}
                          onConfirm={(note) => decide.mutate({ item, decision: "reject", note: note.trim() || undefined })}
                        />
                      ) : (
                        <div className="flex justify-end gap-2">
                          <Button onClick={() => decide.mutate({ item, decision: "approve" })} aria-label={`Approve order #${item.number}`}>
                            Approve
                          </Button>
                          <Button variant="danger" onClick={() => setRejecting(item.orderId)} aria-label={`Reject order #${item.number}`}>
                            Reject
                          </Button>
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
