import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { fetchJson } from "@/components/ui/fetch-json";
import type { BodyOf, ResponseOf } from "@/server/http/route-contract";
import type { reviewItemSchema, workflowRoutes } from "@/server/workflows/workflow-routes.schema";

/** One queued order, as the review contract declares it (server/workflows/workflow-routes.schema.ts). */
export type ReviewItem = z.infer<typeof reviewItemSchema>;

export type ReviewDecision = BodyOf<typeof workflowRoutes.decide>["decision"];

export const reviewKeys = {
  all: ["review"] as const,
  queue: () => [...reviewKeys.all, "queue"] as const,
};

export const reviewQueueQuery = () =>
  queryOptions({
    queryKey: reviewKeys.queue(),
    queryFn: ({ signal }) => fetchJson<ResponseOf<typeof workflowRoutes.reviewQueue>>("/api/v1/admin/review", { signal }),
    refetchInterval: 15_000,
  });

export const decideReview = (orderId: string, decision: ReviewDecision, note?: string) =>
  fetchJson<ResponseOf<typeof workflowRoutes.decide>>(`/api/v1/admin/review/${encodeURIComponent(orderId)}`, {
    method: "POST",
    body: note ? { decision, note } : { decision },
  });
