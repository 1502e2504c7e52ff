import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/components/ui/fetch-json";
import type { ResponseOf } from "@/server/http/route-contract";
import type { workflowRoutes } from "@/server/workflows/workflow-routes.schema";

/** GET /api/v1/admin/orders/:id, as its contract declares it (server/workflows/workflow-routes.schema.ts). */
export type AdminOrderDetail = ResponseOf<typeof workflowRoutes.order>;
export type AdminOrder = AdminOrderDetail["order"];
export type AdminOrderLine = AdminOrderDetail["lines"][number];
export type AuditRow = AdminOrderDetail["timeline"][number];
export type ActionAttempt = AdminOrderDetail["attempts"][number];
export type OrderPayment = NonNullable<AdminOrderDetail["payment"]>;

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
  fetchJson<ResponseOf<typeof workflowRoutes.orderEvent>>(`/api/v1/admin/orders/${encodeURIComponent(id)}/events`, {
    method: "POST",
    body: { event },
  });
