import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/components/ui/fetch-json";
import type { Channel } from "@/server/intake/adapters/canonical-order";
import type { ChannelSettings } from "@/server/intake/channel-settings";
import type { z } from "zod";
import type { BodyOf, ResponseOf } from "@/server/http/route-contract";
import type { channelMetricsSchema, intakeAdminRoutes, payloadSummarySchema, replayOutcomeSchema } from "@/server/intake/intake-routes.schema";
import type { IntakeIssue, IntakeStatus } from "@/server/intake/intake-status";

export type { Channel, ChannelSettings, IntakeIssue, IntakeStatus };

/** The staff intake API's answers, as its contracts declare them (server/intake/intake-routes.schema.ts). */
export type ChannelMetrics = z.infer<typeof channelMetricsSchema>;
export type IntakeOverview = ResponseOf<typeof intakeAdminRoutes.overview>;
export type PayloadSummary = z.infer<typeof payloadSummarySchema>;
export type PayloadDetail = ResponseOf<typeof intakeAdminRoutes.payload>;
export type ReplayOutcome = z.infer<typeof replayOutcomeSchema>;
type Routes = typeof intakeAdminRoutes;

export const intakeKeys = {
  all: ["intake"] as const,
  overview: () => [...intakeKeys.all, "overview"] as const,
  payloads: (filter: { channel?: Channel; status?: IntakeStatus }) => [...intakeKeys.all, "payloads", filter] as const,
  payload: (id: string) => [...intakeKeys.all, "payload", id] as const,
  aliases: () => [...intakeKeys.all, "aliases"] as const,
  products: () => [...intakeKeys.all, "products"] as const,
};

const BASE = "/api/v1/admin/intake";

export const overviewQuery = () =>
  queryOptions({
    queryKey: intakeKeys.overview(),
    queryFn: ({ signal }) => fetchJson<IntakeOverview>(`${BASE}/overview`, { signal }),
    refetchInterval: 15_000,
  });

export const payloadsQuery = (filter: { channel?: Channel; status?: IntakeStatus }) =>
  queryOptions({
    queryKey: intakeKeys.payloads(filter),
    queryFn: ({ signal }) => {
      const qs = new URLSearchParams({
        limit: "500",
        ...(filter.channel ? { channel: filter.channel } : {}),
        ...(filter.status ? { status: filter.status } : {}),
      });
      return fetchJson<ResponseOf<Routes["payloads"]>>(`${BASE}/payloads?${qs}`, { signal });
    },
  });

export const payloadQuery = (id: string) =>
  queryOptions({
    queryKey: intakeKeys.payload(id),
    queryFn: ({ signal }) => fetchJson<PayloadDetail>(`${BASE}/payloads/${encodeURIComponent(id)}`, { signal }),
  });

export const productsQuery = () =>
  queryOptions({
    queryKey: intakeKeys.products(),
    queryFn: ({ signal }) => fetchJson<ResponseOf<Routes["products"]>>(`${BASE}/products`, { signal }),
    staleTime: 60_000,
  });

export const replay = (ids: string[]) => fetchJson<ResponseOf<Routes["replay"]>>(`${BASE}/replay`, { method: "POST", body: { ids } });

export const saveAlias = (input: BodyOf<Routes["saveAlias"]>) =>
  fetchJson<ResponseOf<Routes["saveAlias"]>>(`${BASE}/aliases`, { method: "POST", body: input });

export const saveCorrection = (id: string, body: string | null) =>
  fetchJson<ResponseOf<Routes["correct"]>>(`${BASE}/payloads/${encodeURIComponent(id)}/body`, { method: "PUT", body: { body } });

export const saveSettings = (channel: Channel, patch: BodyOf<Routes["settings"]>) =>
  fetchJson<ResponseOf<Routes["settings"]>>(`${BASE}/settings/${channel}`, { method: "PUT", body: patch });

export const REASON_LABELS: Record<string, string> = {
  unknown_sku: "Unknown SKU",
  sku_not_sellable: "SKU not sellable",
  missing_field: "Missing field",
  invalid_field: "Invalid value",
  malformed_body: "Not JSON",
  totals_mismatch: "Totals don't add up",
  subtotal_mismatch: "Subtotal doesn't add up",
  unknown_customer: "Unknown customer",
  processing_failed: "Processing failed",
  bad_signature: "Bad signature",
  state_regression: "Status moved back",
  already_shipped: "Cancel after shipping",
  test_order: "Test order",
  cancelled_before_intake: "Cancelled before intake",
  webhook_ping: "Webhook ping",
  body_too_large: "Body too large",
};
export const reasonLabel = (reason: string | null) => (reason ? (REASON_LABELS[reason] ?? reason) : "—");

export const CHANNEL_LABELS: Record<Channel, string> = {
  shopify: "Shopify",
  woocommerce: "WooCommerce",
  bigcommerce: "BigCommerce",
  api: "API",
  amazon: "Amazon",
};
