import { readFileSync } from "node:fs";
import type { Database } from "@/db/client";
import type { Channel } from "@/server/intake/adapters/canonical-order";
import { hmacSha256Base64 } from "@/server/intake/adapters/signature";
import { intakeSecret, receiveIntake } from "@/server/intake/receive-intake";

/** Channels that post webhooks; Amazon is polled by reconciliation, so the demo posts none for it. */
export type PostingChannel = Exclude<Channel, "amazon">;

const SIGNATURE_HEADER: Readonly<Record<PostingChannel, string>> = {
  shopify: "X-Shopify-Hmac-Sha256",
  woocommerce: "X-WC-Webhook-Signature",
  bigcommerce: "X-Replen-Signature",
  api: "X-Replen-Signature",
};

/** Each channel's documented sample order (payloads/), with the demo catalog's SKUs, and its order id. */
const SAMPLES: Readonly<Record<PostingChannel, { file: string; id: string }>> = {
  shopify: { file: "shopify.json", id: "5987431293829471813" },
  woocommerce: { file: "woocommerce.json", id: "727" },
  bigcommerce: { file: "bigcommerce.json", id: "118" },
  api: { file: "api.json", id: "ERP-2024-000187" },
};

export type IntakeCase = "accepted" | "duplicate" | "unknown_sku" | "totals_mismatch" | "bad_signature";

const sample = (channel: PostingChannel) => readFileSync(new URL(`./payloads/${SAMPLES[channel].file}`, import.meta.url), "utf8");

/**
 * One channel post, built from the channel's real payload shape: a new order number per
 * `serial`, and for the dead-letter cases the one defect each is about (a SKU nobody knows, a
 * total that does not add up, a signature made with the wrong secret). Sent through
 * receiveIntake — the same use-case the /api/intake route calls.
 */
export async function postIntake(db: Database, channel: PostingChannel, kind: IntakeCase, serial: number, now: Date) {
  const original = SAMPLES[channel].id;
  const fresh = channel === "api" ? `ERP-DEMO-${String(serial).padStart(6, "0")}` : String(Number(original.slice(0, 6)) * 1000 + serial);
  let body = sample(channel).split(original).join(fresh);
  if (kind === "unknown_sku") body = body.replace(/"sku": "[^"]+"/, `"sku": "LEGACY-${serial}"`);
  if (kind === "totals_mismatch") body = tamperTotal(channel, body);
  const secret = kind === "bad_signature" ? "not-the-channel-secret" : intakeSecret(channel);
  const headers = new Headers({ "content-type": "application/json", [SIGNATURE_HEADER[channel]]: hmacSha256Base64(body, secret) });
  const post = () => receiveIntake(db, { channel, body: new TextEncoder().encode(body), headers, clientIp: "203.0.113.7" }, { now });
  const first = await post();
  // The channel's webhook retried: the same bytes again, which intake must recognise.
  if (kind === "duplicate") return post();
  return first;
}

/** Raises the order total by one unit of currency, leaving the lines as they were. */
function tamperTotal(channel: PostingChannel, body: string): string {
  switch (channel) {
    case "api":
      return body.replace(/"totalMinor": (\d+)/, (_, n: string) => `"totalMinor": ${Number(n) + 100}`);
    case "woocommerce":
      return body.replace(/"total": "([\d.]+)"/, (_, n: string) => `"total": "${(Number(n) + 1).toFixed(2)}"`);
    case "shopify":
      return body.replace(/"total_price": "([\d.]+)"/, (_, n: string) => `"total_price": "${(Number(n) + 1).toFixed(2)}"`);
    case "bigcommerce":
      return body.replace(/"total_inc_tax": "([\d.]+)"/, (_, n: string) => `"total_inc_tax": "${(Number(n) + 1).toFixed(2)}"`);
  }
}
