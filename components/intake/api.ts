import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/components/ui/fetch-json";
import type { Channel } from "@/server/intake/adapters/canonical-order";
import type { ChannelSettings } from "@/server/intake/channel-settings";
import type { IntakeIssue, IntakeResult, IntakeStatus } from "@/server/intake/intake-status";

export type { Channel, ChannelSettings, IntakeIssue, IntakeStatus };

export type ChannelMetrics = {
  channel: Channel;
  received: number;
  accepted: number;
  rejected: number;
  deadLettered: number;
  duplicates: number;
  ignored: number;
  retried: number;
  byReason: Array<{ reason: string; count: number }>;
};

export type IntakeOverview = {
  channels: Array<{ channel: Channel; counts: Partial<Record<IntakeStatus, number>>; settings: ChannelSettings }>;
  deadLetterReasons: Array<{ channel: Channel; reason: string; count: number }>;
  metrics: { total: number; perChannel: ChannelMetrics[]; since: string };
};

export type PayloadSummary = {
  id: string;
  channel: Channel;
  externalId: string | null;
  status: IntakeStatus;
  reason: string | null;
  errors: IntakeIssue[];
  receivedAt: string;
  attempts: number;
  orderId: string | null;
  corrected: string | null;
  replayCount: number;
};

export type PayloadDetail = {
  payload: PayloadSummary & {
    rawBody: string;
    correctedBody: string | null;
    headers: Record<string, string>;
    signatureValid: boolean;
    canonical: { lines: Array<{ sku: string; quantity: number }>; notes: string[] } | null;
    action: string | null;
    processedAt: string | null;
    lastError: string | null;
    duplicateOf: string | null;
    supersededBy: string | null;
  };
  order: { id: string; number: number; state: string } | null;
  related: Array<{ id: string; status: IntakeStatus; reason: string | null; receivedAt: string; orderId: string | null }>;
};

export type ReplayOutcome = (IntakeResult & { replayed: boolean }) | { payloadId: string; replayed: false; notFound: true };

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
      return fetchJson<{ payloads: PayloadSummary[] }>(`${BASE}/payloads?${qs}`, { signal });
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
    queryFn: ({ signal }) => fetchJson<{ products: Array<{ sku: string; name: string }> }>(`${BASE}/products`, { signal }),
    staleTime: 60_000,
  });

export const replay = (ids: string[]) => fetchJson<{ results: ReplayOutcome[] }>(`${BASE}/replay`, { method: "POST", body: { ids } });

export const saveAlias = (input: { channel: Channel; fromSku: string; toSku: string }) =>
  fetchJson<{ alias: { id: number }; affectedPayloadIds: string[] }>(`${BASE}/aliases`, { method: "POST", body: input });

export const saveCorrection = (id: string, body: string | null) =>
  fetchJson<{ payloadId: string; corrected: boolean }>(`${BASE}/payloads/${encodeURIComponent(id)}/body`, { method: "PUT", body: { body } });

export const saveSettings = (channel: Channel, patch: Partial<ChannelSettings>) =>
  fetchJson<{ channel: Channel; settings: ChannelSettings }>(`${BASE}/settings/${channel}`, { method: "PUT", body: patch });

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
