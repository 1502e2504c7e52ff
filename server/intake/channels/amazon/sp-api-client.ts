import { ChannelHttpError, type ChannelResponse, channelRequest } from "../../connectors/channel-http";
import { type FetchedOrder, joinUrl, type StoreClient, type StoreContext } from "../../connectors/store-client";
import { amazonOrderHasTotals } from "../../adapters";
import { RateGate, SP_API_PLANS } from "./rate-gate";

/** A token with less than this left is refreshed before use (LWA tokens live 3600 s). */
const REFRESH_MARGIN_MS = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Amazon SP-API Orders v0 (base: https://sellingpartnerapi-na.amazon.com, or -eu / -fe):
 * getOrders with LastUpdatedAfter (NextToken pages), then getOrderItems per order. Access tokens
 * come from Login with Amazon (refresh_token grant) and are cached on the connection; a 401/403
 * answer refreshes once and retries. Each operation has its own rate gate (rate-gate.ts); a 429
 * empties it and waits. Pending orders (no prices yet) are returned `ready: false`.
 */
export function amazonClient(ctx: StoreContext<"amazon">, gates = amazonGates()): StoreClient {
  let token = ctx.token ?? null;
  const clockMs = ctx.now.getTime();
  const started = performance.now();
  // The gates and the token expiry need elapsed time: the run's `now` plus a monotonic duration, never the wall clock.
  const nowMs = () => clockMs + (performance.now() - started);

  const refresh = async () => {
    const c = ctx.credentials;
    const res = await channelRequest(
      {
        method: "POST",
        url: c.tokenUrl,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "refresh_token",
          refresh_token: c.refreshToken,
          client_id: c.clientId,
          client_secret: c.clientSecret,
        }).toString(),
      },
      ctx.http,
    );
    const body = res.body as { access_token?: string; expires_in?: number } | null;
    if (!body?.access_token) throw new ChannelHttpError("POST token answered without an access_token", res.status);
    token = { value: body.access_token, expiresAt: new Date(nowMs() + (body.expires_in ?? 3600) * 1000) };
    await ctx.saveToken?.(token);
    return token.value;
  };
  const accessToken = async () => (token && token.expiresAt.getTime() - nowMs() > REFRESH_MARGIN_MS ? token.value : refresh());

  const call = async (gate: RateGate, path: string, query: Record<string, string>): Promise<ChannelResponse> => {
    for (let attempt = 1; ; attempt++) {
      const wait = gate.take(nowMs());
      if (wait > 0) await sleep(wait);
      try {
        const res = await channelRequest(
          { url: joinUrl(ctx.apiBaseUrl, path, query), headers: { "x-amz-access-token": await accessToken() } },
          // 429s are the gate's business here: one attempt per call, the loop below decides.
          { ...ctx.http, attempts: 1 },
        );
        gate.observeLimitHeader(res.headers.get("x-amzn-ratelimit-limit"));
        return res;
      } catch (e) {
        if (!(e instanceof ChannelHttpError) || attempt >= (ctx.http.attempts ?? 3)) throw e;
        if (e.status === 401 || e.status === 403)
          token = null; // expired or revoked early: refresh once
        else if (e.status === 429) gate.drain(nowMs());
        else if (e.status !== null && e.status < 500) throw e;
        else await sleep((ctx.http.backoffMs ?? 250) * 2 ** (attempt - 1));
      }
    }
  };

  const items = async (orderId: string) => {
    const all: unknown[] = [];
    let next: string | undefined;
    do {
      const res = await call(gates.getOrderItems, `/orders/v0/orders/${encodeURIComponent(orderId)}/orderItems`, next ? { NextToken: next } : {});
      const payload = (res.body as { payload?: { OrderItems?: unknown[]; NextToken?: string } } | null)?.payload;
      all.push(...(payload?.OrderItems ?? []));
      next = payload?.NextToken;
    } while (next);
    return all;
  };

  return {
    async testConnection() {
      await refresh();
      const res = await call(gates.getOrders, "/orders/v0/orders", {
        MarketplaceIds: ctx.credentials.marketplaceId,
        CreatedAfter: new Date(nowMs() - 86_400_000).toISOString(),
      });
      const n = (res.body as { payload?: { Orders?: unknown[] } } | null)?.payload?.Orders?.length ?? 0;
      return `Connected to Amazon SP-API (marketplace ${ctx.credentials.marketplaceId}): ${n} orders in the last 24 h`;
    },
    async listChangedSince(since: Date, until: Date) {
      const out: FetchedOrder[] = [];
      let next: string | undefined;
      do {
        const query: Record<string, string> = next
          ? { MarketplaceIds: ctx.credentials.marketplaceId, NextToken: next }
          : { MarketplaceIds: ctx.credentials.marketplaceId, LastUpdatedAfter: since.toISOString(), LastUpdatedBefore: until.toISOString() };
        const res = await call(gates.getOrders, "/orders/v0/orders", query);
        const payload = (
          res.body as {
            payload?: { Orders?: Array<{ AmazonOrderId: string; OrderStatus?: string; LastUpdateDate?: string }>; NextToken?: string };
          } | null
        )?.payload;
        for (const order of payload?.Orders ?? []) {
          const ready = amazonOrderHasTotals(order.OrderStatus);
          const orderItems = ready ? await items(order.AmazonOrderId) : [];
          out.push({
            externalId: order.AmazonOrderId,
            updatedAt: order.LastUpdateDate ? new Date(order.LastUpdateDate).toISOString() : null,
            body: JSON.stringify({ order, items: orderItems }),
            documents: [],
            ready,
          });
        }
        next = payload?.NextToken;
      } while (next);
      return out;
    },
  };
}

/** Fresh gates at Amazon's default usage plans; shared across runs of one process per store. */
export function amazonGates(): { getOrders: RateGate; getOrderItems: RateGate } {
  return {
    getOrders: new RateGate(SP_API_PLANS.getOrders.rate, SP_API_PLANS.getOrders.burst),
    getOrderItems: new RateGate(SP_API_PLANS.getOrderItems.rate, SP_API_PLANS.getOrderItems.burst),
  };
}
