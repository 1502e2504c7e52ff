"use client";

import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/ui/fetch-json";
import type { AddressDto, AddressRequest, AddressSummaryDto } from "@/server/customers/address.schema";
import type { addressRoutes } from "@/server/customers/address-routes.schema";
import type { ResponseOf } from "@/server/http/route-contract";

export const addressKeys = { all: ["addresses"] as const };

export const addressListQuery = () =>
  queryOptions({
    queryKey: addressKeys.all,
    queryFn: () => fetchJson<ResponseOf<typeof addressRoutes.list>>("/api/v1/addresses").then((r) => r.addresses),
  });

export type AddressMutation =
  | { kind: "add"; input: AddressRequest }
  | { kind: "update"; id: string; input: AddressRequest }
  | { kind: "delete"; id: string }
  | { kind: "default"; id: string };

function send(m: AddressMutation): Promise<unknown> {
  switch (m.kind) {
    case "add":
      return fetchJson("/api/v1/addresses", { method: "POST", body: m.input });
    case "update":
      return fetchJson(`/api/v1/addresses/${encodeURIComponent(m.id)}`, { method: "PATCH", body: m.input });
    case "delete":
      return fetchJson(`/api/v1/addresses/${encodeURIComponent(m.id)}`, { method: "DELETE" });
    case "default":
      return fetchJson(`/api/v1/addresses/${encodeURIComponent(m.id)}/default`, { method: "POST" });
  }
}

export function useAddressMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    // Subscriptions show their address too.
    onSettled: () =>
      Promise.all([client.invalidateQueries({ queryKey: addressKeys.all }), client.invalidateQueries({ queryKey: ["subscriptions"] })]),
  });
}

/** One line: "Robin, 9 Elm St, Portland 97201, US". */
export function addressLine(a: Pick<AddressSummaryDto, "name" | "line1" | "city" | "postalCode" | "country">): string {
  return `${a.name}, ${a.line1}, ${a.city} ${a.postalCode}, ${a.country}`;
}

export type { AddressDto };
