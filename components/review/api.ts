import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/components/ui/fetch-json";

export type ReviewItem = {
  orderId: string;
  number: number;
  customerName: string;
  totalMinor: number;
  currency: string;
  state: string;
  /** The state's label in the order's pinned workflow version. */
  stateLabel?: string;
  enteredAt: string;
  ageSeconds: number;
};

export type ReviewDecision = "approve" | "reject";

export const reviewKeys = {
  all: ["review"] as const,
  queue: () => [...reviewKeys.all, "queue"] as const,
};

export const reviewQueueQuery = () =>
  queryOptions({
    queryKey: reviewKeys.queue(),
    queryFn: ({ signal }) => fetchJson<{ items: ReviewItem[] }>("/api/v1/admin/review", { signal }),
    refetchInterval: 15_000,
  });

export const decideReview = (orderId: string, decision: ReviewDecision, note?: string) =>
  fetchJson<unknown>(`/api/v1/admin/review/${encodeURIComponent(orderId)}`, {
    method: "POST",
    body: note ? { decision, note } : { decision },
  });
