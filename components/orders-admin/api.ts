import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/components/ui/fetch-json";

/** GET /api/v1/admin/orders/:id. Fields beyond the core ones are optional: the page shows what it gets. */
export type AdminOrder = {
  id: string;
  number: number;
  state: string;
  kind?: string;
  channel?: string;
  currency: string;
  totalMinor: number;
  subtotalMinor?: number;
  taxMinor?: number;
  shippingMinor?: number;
  discountMinor?: number;
  customerName?: string;
  customerEmail?: string;
  workflowVersionId?: number | null;
  flags?: string[];
  createdAt: string;
  stateEnteredAt?: string;
  shippingAddress?: { name?: string; line1?: string; city?: string; postalCode?: string; country?: string } | null;
};

export type AdminOrderLine = { id: string; sku: string; name: string; quantity: number; unitPriceMinor: number; reservedQuantity?: number };

export type AuditRow = {
  at: string;
  actorType: string;
  actorId: string | null;
  /** Resolved for user actors. */
  actorEmail?: string | null;
  action: string;
  fromState: string | null;
  toState: string | null;
  data: Record<string, unknown> | null;
};

export type ActionAttempt = {
  stateId: string;
  actionId: string;
  actionType: string;
  attempt: number;
  status: string;
  error?: string | null;
  durationMs?: number;
  at: string;
};

export type OrderPayment = {
  status: string;
  amountMinor: number;
  currency: string;
  gateway: string;
  ref: string;
  authorizedAt: string | null;
  capturedAt: string | null;
};

export type AdminOrderDetail = {
  order: AdminOrder;
  lines: AdminOrderLine[];
  timeline: AuditRow[];
  attempts: ActionAttempt[];
  payment?: OrderPayment | null;
  /** The workflow version the order is pinned to. */
  workflow?: { versionId: number; version: number; workflowId: number; workflow: string } | null;
};

export const orderKeys = {
  all: ["admin-orders"] as const,
  detail: (id: string) => [...orderKeys.all, "detail", id] as const,
};

export const orderDetailQuery = (id: string) =>
  queryOptions({
    queryKey: orderKeys.detail(id),
    queryFn: ({ signal }) => fetchJson<AdminOrderDetail>(`/api/v1/admin/orders/${encodeURIComponent(id)}`, { signal }),
    // Workflow steps run in the background; keep the timeline current while the page is open.
    refetchInterval: 3_000,
  });

export const sendOrderEvent = (id: string, event: "order/shipped") =>
  fetchJson<unknown>(`/api/v1/admin/orders/${encodeURIComponent(id)}/events`, { method: "POST", body: { event } });
