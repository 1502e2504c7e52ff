"use client";

import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, fetchJson } from "@/components/ui/fetch-json";
import type {
  NotificationDto,
  OrderDto,
  ProductDto,
  SchedulePreviewDto,
  SubscriptionDetailDto,
  SubscriptionDto,
  SuggestionDto,
} from "@/server/subscriptions/subscription-dto.schema";
import type { BodyOf, ResponseOf } from "@/server/http/route-contract";
import type { CancelReason } from "@/server/subscriptions/model";
import type { deliveryAddressRoutes } from "@/server/subscriptions/delivery-address-routes.schema";
import type { subscriptionRoutes } from "@/server/subscriptions/subscription-routes.schema";
import type { SchedulePreviewInput } from "@/server/subscriptions/subscription.schema";

/** Query keys for the portal; mutations invalidate by these prefixes. */
export const subscriptionKeys = {
  all: ["subscriptions"] as const,
  lists: () => [...subscriptionKeys.all, "list"] as const,
  detail: (id: string) => [...subscriptionKeys.all, "detail", id] as const,
  preview: (input: SchedulePreviewInput) => ["schedules", "preview", input] as const,
  suggestion: (productId: string) => [...subscriptionKeys.all, "suggestion", productId] as const,
};
export const orderKeys = { all: ["orders"] as const, list: () => [...orderKeys.all, "list"] as const };
export const notificationKeys = { all: ["notifications"] as const };
export const productKeys = { all: ["products"] as const };

export const subscriptionListQuery = () =>
  queryOptions({
    queryKey: subscriptionKeys.lists(),
    queryFn: () => fetchJson<{ subscriptions: SubscriptionDto[] }>("/api/v1/subscriptions").then((r) => r.subscriptions),
  });

export const subscriptionDetailQuery = (id: string) =>
  queryOptions({
    queryKey: subscriptionKeys.detail(id),
    queryFn: () => fetchJson<SubscriptionDetailDto>(`/api/v1/subscriptions/${encodeURIComponent(id)}`),
  });

/** The setup page's review panel reads the schedule from the API, so UI and API can't disagree. */
export const schedulePreviewQuery = (input: SchedulePreviewInput) =>
  queryOptions({
    queryKey: subscriptionKeys.preview(input),
    queryFn: () => fetchJson<SchedulePreviewDto>("/api/v1/schedules/preview", { method: "POST", body: input }),
    staleTime: Infinity, // a pure function of its input
  });

export const suggestionQuery = (productId: string) =>
  queryOptions({
    queryKey: subscriptionKeys.suggestion(productId),
    queryFn: () => fetchJson<SuggestionDto>(`/api/v1/suggestions/frequency?productId=${encodeURIComponent(productId)}`),
    staleTime: 5 * 60_000,
  });

export const productsQuery = () =>
  queryOptions({
    queryKey: productKeys.all,
    queryFn: () => fetchJson<{ products: ProductDto[] }>("/api/v1/products").then((r) => r.products),
    staleTime: 5 * 60_000,
  });

export const ordersQuery = () =>
  queryOptions({ queryKey: orderKeys.list(), queryFn: () => fetchJson<{ orders: OrderDto[] }>("/api/v1/orders").then((r) => r.orders) });

export const notificationsQuery = () =>
  queryOptions({
    queryKey: notificationKeys.all,
    queryFn: () => fetchJson<{ notifications: NotificationDto[]; unread: number }>("/api/v1/notifications"),
    refetchInterval: 60_000,
  });

export type SubscriptionAction =
  | { kind: "pause"; until?: string }
  | { kind: "resume" }
  | { kind: "skip" }
  | { kind: "unskip"; cycleIndex?: number }
  | { kind: "reschedule"; localDate: string }
  | { kind: "change"; frequency?: SubscriptionDto["frequency"]; quantity?: number }
  | { kind: "order_now"; idempotencyKey: string }
  | { kind: "cancel"; reason?: CancelReason; note?: string; declinedOfferId?: string }
  | { kind: "accept_offer"; offerId: string; reason: CancelReason }
  | ({ kind: "swap" } & BodyOf<typeof subscriptionRoutes.swap>)
  | ({ kind: "add_addon" } & BodyOf<typeof subscriptionRoutes.addAddon>)
  | ({ kind: "remove_addon" } & BodyOf<typeof subscriptionRoutes.removeAddon>)
  | { kind: "change_address"; addressId: string }
  | { kind: "send_elsewhere"; cycleIndex: number; addressId: string }
  | { kind: "ship_home"; cycleIndex: number };

function send(id: string, action: SubscriptionAction): Promise<unknown> {
  const base = `/api/v1/subscriptions/${encodeURIComponent(id)}`;
  switch (action.kind) {
    case "pause":
      return fetchJson(`${base}/pause`, { method: "POST", body: action.until ? { until: action.until } : {} });
    case "resume":
      return fetchJson(`${base}/resume`, { method: "POST", body: {} });
    case "skip":
      return fetchJson(`${base}/skip`, { method: "POST", body: {} });
    case "unskip":
      return fetchJson(`${base}/unskip`, { method: "POST", body: action.cycleIndex === undefined ? {} : { cycleIndex: action.cycleIndex } });
    case "reschedule":
      return fetchJson(`${base}/reschedule`, { method: "POST", body: { localDate: action.localDate } });
    case "change":
      return fetchJson(base, { method: "PATCH", body: { frequency: action.frequency, quantity: action.quantity } });
    case "cancel": {
      const body: BodyOf<typeof subscriptionRoutes.cancel> = {
        reason: action.reason,
        note: action.note || undefined,
        declinedOfferId: action.declinedOfferId,
      };
      return fetchJson(`${base}/cancel`, { method: "POST", body });
    }
    case "accept_offer": {
      const body: BodyOf<typeof subscriptionRoutes.acceptOffer> = { offerId: action.offerId, reason: action.reason };
      return fetchJson(`${base}/accept-offer`, { method: "POST", body });
    }
    case "swap": {
      const body: BodyOf<typeof subscriptionRoutes.swap> = { productId: action.productId, scope: action.scope, cycleIndex: action.cycleIndex };
      return fetchJson(`${base}/swap`, { method: "POST", body });
    }
    case "add_addon": {
      const body: BodyOf<typeof subscriptionRoutes.addAddon> = { productId: action.productId, quantity: action.quantity };
      return fetchJson(`${base}/addons`, { method: "POST", body });
    }
    case "remove_addon": {
      const body: BodyOf<typeof subscriptionRoutes.removeAddon> = { cycleIndex: action.cycleIndex, productId: action.productId };
      return fetchJson(`${base}/addons/remove`, { method: "POST", body });
    }
    case "change_address": {
      const body: BodyOf<typeof deliveryAddressRoutes.change> = { addressId: action.addressId };
      return fetchJson(`${base}/address`, { method: "PUT", body });
    }
    case "send_elsewhere": {
      const body: BodyOf<typeof deliveryAddressRoutes.setDelivery> = { addressId: action.addressId };
      return fetchJson(`${base}/deliveries/${action.cycleIndex}/address`, { method: "PUT", body });
    }
    case "ship_home":
      return fetchJson(`${base}/deliveries/${action.cycleIndex}/address`, { method: "DELETE" });
    case "order_now":
      return postWithHeaders(`${base}/order-now`, { "idempotency-key": action.idempotencyKey });
  }
}

/** fetchJson plus request headers (order-now's Idempotency-Key: a retried click can't double-order). */
async function postWithHeaders(url: string, headers: Record<string, string>): Promise<unknown> {
  const res = await fetch(url, {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/json", ...headers },
    cache: "no-store",
  });
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; fields?: Record<string, string> } } | null;
  if (!res.ok) {
    throw new ApiError(
      res.status,
      body?.error?.code ?? `HTTP_${res.status}`,
      body?.error?.message ?? "Something went wrong. Please try again.",
      body?.error?.fields,
      body,
    );
  }
  return body;
}

/**
 * What the page should look like if the action succeeds. Applied at once (pause/resume/skip/
 * unskip), rolled back on error, and replaced by the server's answer when it arrives.
 */
export function optimisticDetail(detail: SubscriptionDetailDto, action: SubscriptionAction): SubscriptionDetailDto {
  const s = detail.subscription;
  switch (action.kind) {
    case "pause":
      return { ...detail, subscription: { ...s, status: "paused", pausedUntil: action.until ?? null, next: null } };
    case "resume":
      return { ...detail, subscription: { ...s, status: "active", pausedUntil: null } };
    case "skip": {
      const target = s.next?.cycleIndex;
      const upcoming = detail.upcoming.map((c) => (c.cycleIndex === target ? { ...c, skipped: true } : c));
      const following = upcoming.find((c) => target !== undefined && c.cycleIndex > target && !c.skipped);
      const next = following ? { cycleIndex: following.cycleIndex, localDate: following.localDate, at: following.at } : null;
      return { ...detail, upcoming, subscription: { ...s, next } };
    }
    case "unskip": {
      const target = action.cycleIndex ?? detail.upcoming.find((c) => c.skipped)?.cycleIndex;
      return { ...detail, upcoming: detail.upcoming.map((c) => (c.cycleIndex === target ? { ...c, skipped: false } : c)) };
    }
    default:
      return detail;
  }
}

const OPTIMISTIC = new Set<SubscriptionAction["kind"]>(["pause", "resume", "skip", "unskip"]);

export function useSubscriptionAction(id: string) {
  const client = useQueryClient();
  const key = subscriptionKeys.detail(id);
  return useMutation({
    mutationFn: (action: SubscriptionAction) => send(id, action),
    onMutate: async (action) => {
      if (!OPTIMISTIC.has(action.kind)) return { previous: undefined };
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData<SubscriptionDetailDto>(key);
      if (previous) client.setQueryData(key, optimisticDetail(previous, action));
      return { previous };
    },
    onError: (_error, _action, context) => {
      if (context?.previous) client.setQueryData(key, context.previous);
    },
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: subscriptionKeys.all }),
        client.invalidateQueries({ queryKey: orderKeys.all }),
        client.invalidateQueries({ queryKey: notificationKeys.all }),
        // An address book entry lists the subscriptions shipping to it.
        client.invalidateQueries({ queryKey: ["addresses"] }),
      ]),
  });
}

/** What the merchandiser lets this subscription swap to (the swap dialog's choices). */
export const swapOptionsQuery = (id: string) =>
  queryOptions({
    queryKey: [...subscriptionKeys.detail(id), "swap-options"] as const,
    queryFn: () =>
      fetchJson<ResponseOf<typeof subscriptionRoutes.swapOptions>>(`/api/v1/subscriptions/${encodeURIComponent(id)}/swap-options`).then(
        (r) => r.options,
      ),
  });

export type SaveOfferView = NonNullable<ResponseOf<typeof subscriptionRoutes.saveOffer>["offer"]>;

/** The save offer of the reason the customer picked in the cancel dialog (null: none applies). */
export const saveOfferQuery = (id: string, reason: CancelReason | null) =>
  queryOptions({
    // Outside subscriptionKeys: a mutation's invalidation must not re-ask (each answer is audited as shown).
    queryKey: ["save-offer", id, reason] as const,
    queryFn: () =>
      fetchJson<ResponseOf<typeof subscriptionRoutes.saveOffer>>(
        `/api/v1/subscriptions/${encodeURIComponent(id)}/save-offer?${new URLSearchParams({ reason: reason ?? "" })}`,
      ).then((r) => r.offer),
    enabled: reason !== null,
    staleTime: Infinity,
  });
