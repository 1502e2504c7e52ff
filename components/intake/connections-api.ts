import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/components/ui/fetch-json";
import type { BodyOf, ResponseOf } from "@/server/http/route-contract";
import type { ConnectedChannel, ConnectionView, TestConnectionResult } from "@/server/intake/channel-connections.schema";
import type { StoreHealth } from "@/server/intake/channel-health.schema";
import type { intakeAdminRoutes } from "@/server/intake/intake-routes.schema";

export type { ConnectedChannel, ConnectionView, StoreHealth, TestConnectionResult };

/** The connection routes' answers, as their contracts declare them (server/intake/intake-routes.schema.ts). */
type Routes = typeof intakeAdminRoutes;

const BASE = "/api/v1/admin/intake/connections";

export const connectionKeys = {
  all: ["intake", "connections"] as const,
  list: () => [...connectionKeys.all, "list"] as const,
  health: () => [...connectionKeys.all, "health"] as const,
};

export const connectionsQuery = () =>
  queryOptions({ queryKey: connectionKeys.list(), queryFn: ({ signal }) => fetchJson<ResponseOf<Routes["connections"]>>(BASE, { signal }) });

export const channelHealthQuery = () =>
  queryOptions({
    queryKey: connectionKeys.health(),
    queryFn: ({ signal }) => fetchJson<ResponseOf<Routes["connectionHealth"]>>(`${BASE}/health`, { signal }),
    refetchInterval: 30_000,
  });

export const createConnection = (input: BodyOf<Routes["createConnection"]>) =>
  fetchJson<ResponseOf<Routes["createConnection"]>>(BASE, { method: "POST", body: input });
export const testConnection = (id: string) =>
  fetchJson<ResponseOf<Routes["testConnection"]>>(`${BASE}/${encodeURIComponent(id)}/test`, { method: "POST" });
export const reconcileNow = (id: string) =>
  fetchJson<ResponseOf<Routes["reconcile"]>>(`${BASE}/${encodeURIComponent(id)}/reconcile`, { method: "POST" });

/** Credential fields each channel asks for (labels as the channel's admin names them). */
export const CREDENTIAL_FIELDS: Record<ConnectedChannel, Array<{ key: string; label: string }>> = {
  shopify: [{ key: "accessToken", label: "Admin API access token" }],
  woocommerce: [
    { key: "consumerKey", label: "Consumer key" },
    { key: "consumerSecret", label: "Consumer secret" },
  ],
  bigcommerce: [{ key: "accessToken", label: "API account access token" }],
  amazon: [
    { key: "clientId", label: "LWA client id" },
    { key: "clientSecret", label: "LWA client secret" },
    { key: "refreshToken", label: "Refresh token" },
    { key: "marketplaceId", label: "Marketplace id" },
  ],
};

export const BASE_URL_HINTS: Record<ConnectedChannel, string> = {
  shopify: "https://{shop}.myshopify.com/admin/api/2025-01",
  woocommerce: "https://shop.example/wp-json/wc/v3",
  bigcommerce: "https://api.bigcommerce.com/stores/{store_hash}",
  amazon: "https://sellingpartnerapi-na.amazon.com",
};
