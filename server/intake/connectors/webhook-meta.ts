import { timingSafeEqual } from "node:crypto";
import { intakeAdapters } from "../adapters";
import type { Channel } from "../adapters/canonical-order";

/**
 * BigCommerce webhooks carry no signature; the header (and value) given in the webhook's
 * `headers` when it is created comes back on every delivery. Replen asks for this one.
 */
export const BIGCOMMERCE_WEBHOOK_SECRET_HEADER = "X-Replen-Webhook-Secret";

/** A connected store's webhook: signed with the store's own secret (never the channel-wide one). */
export function verifyStoreWebhook(channel: Channel, body: Uint8Array, headers: Headers, secret: string): boolean {
  if (secret === "") return false;
  if (channel === "bigcommerce") {
    const sent = Buffer.from(headers.get(BIGCOMMERCE_WEBHOOK_SECRET_HEADER) ?? "");
    const want = Buffer.from(secret);
    return sent.length === want.length && timingSafeEqual(sent, want);
  }
  if (channel === "shopify" || channel === "woocommerce") return intakeAdapters[channel].verifySignature(body, headers, secret);
  return false; // amazon: polled only; api: not a store
}

export type WebhookMeta = { topic: string | null; deliveryId: string | null; triggeredAt: Date | null };

/** Topic, delivery id and "when it happened", as each channel reports them. */
export function webhookMeta(channel: Channel, headers: Headers, bodyText: string): WebhookMeta {
  const at = (v: string | null) => {
    const d = v ? new Date(v) : null;
    return d && !Number.isNaN(d.getTime()) ? d : null;
  };
  switch (channel) {
    case "shopify":
      return {
        topic: headers.get("x-shopify-topic"),
        deliveryId: headers.get("x-shopify-webhook-id"),
        triggeredAt: at(headers.get("x-shopify-triggered-at")),
      };
    case "woocommerce":
      return { topic: headers.get("x-wc-webhook-topic"), deliveryId: headers.get("x-wc-webhook-delivery-id"), triggeredAt: null };
    case "bigcommerce": {
      const thin = parseThinBigCommerce(bodyText);
      return { topic: thin?.scope ?? null, deliveryId: thin?.hash ?? null, triggeredAt: thin?.createdAt ?? null };
    }
    default:
      return { topic: null, deliveryId: null, triggeredAt: null };
  }
}

type ThinWebhook = { scope: string; orderId: string; hash: string | null; createdAt: Date | null };

/** `{"scope":"store/order/created","data":{"type":"order","id":250},"hash":"…","created_at":1701…}` */
export function parseThinBigCommerce(bodyText: string): ThinWebhook | null {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    return null;
  }
  if (typeof json !== "object" || json === null) return null;
  const o = json as { scope?: unknown; data?: { id?: unknown; orderId?: unknown }; hash?: unknown; created_at?: unknown };
  if (typeof o.scope !== "string" || !o.scope.startsWith("store/order/")) return null;
  const id = o.data?.id ?? o.data?.orderId;
  if ((typeof id !== "number" || !Number.isSafeInteger(id)) && (typeof id !== "string" || !/^\d+$/.test(id))) return null;
  return {
    scope: o.scope,
    orderId: String(id),
    hash: typeof o.hash === "string" ? o.hash : null,
    createdAt: typeof o.created_at === "number" ? new Date(o.created_at * 1000) : null,
  };
}
