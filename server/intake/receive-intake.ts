import "server-only";
import type { Database } from "@/db/client";
import { env } from "../env";
import { consumeOrThrow } from "../security/rate-limiters";
import { intakeAdapters } from "./adapters";
import type { Channel } from "./adapters/canonical-order";
import { type ConnectionRow, webhookSecretOf } from "./connectors/load-connection";
import { verifyStoreWebhook, webhookMeta } from "./connectors/webhook-meta";
import { scheduleIntakeRetry } from "./emit-intake-events";
import { type IntakeHttpResponse, toIntakeResponse } from "./intake-response";
import { processPayload } from "./process-payload";
import { decodeBody, storePayload } from "./store-payload";

/**
 * Larger bodies are refused (413) and stored without their text: no real order is this big.
 * The route never reads past it (server/http/read-bounded-body.ts).
 */
export const MAX_INTAKE_BODY_BYTES = 2 * 1024 * 1024;

const UNSIGNED_LIMIT_MESSAGE = "Too many unsigned or oversized intake requests from your address. Please wait and try again.";

/** WooCommerce posts `webhook_id=<n>` (form-encoded, unsigned) when a webhook is created. */
const WOO_PING = /^webhook_id=\d+$/;

export function intakeSecret(channel: Channel): string {
  const e = env();
  return {
    shopify: e.INTAKE_SECRET_SHOPIFY,
    woocommerce: e.INTAKE_SECRET_WOOCOMMERCE,
    bigcommerce: e.INTAKE_SECRET_BIGCOMMERCE,
    api: e.INTAKE_SECRET_API,
    // Amazon has no order webhooks (it is polled by reconciliation): nothing posted is ever trusted.
    amazon: "",
  }[channel];
}

export type IntakeRequest = {
  channel: Channel;
  body: Uint8Array;
  headers: Headers;
  /** The client's address (server/security/client-ip.ts), for the unsigned-request limit. */
  clientIp: string;
  /** The body was over MAX_INTAKE_BODY_BYTES and not read whole; `body` is what came before the cut. */
  tooLarge?: boolean;
  /** Posted to a connected store's URL (/api/intake/:channel/:connectionId): verified with its own secret. */
  connection?: ConnectionRow;
};

/**
 * POST /api/intake/:channel (docs/intake-governance.md, "Flow"):
 * 1. the payload is stored first, in its own statement, whatever happens next;
 * 2. a request whose signature cannot be verified — bad or missing, or a body too large to
 *    read — counts against its IP's limit (over it: 429, nothing stored) and is stored as hash,
 *    size and headers only, never its text: anonymous requests cannot fill the database;
 *    a bad signature is `rejected` (bad_signature) and answered 401, never processed;
 * 3. otherwise it is processed now for fast feedback; if that fails transiently, Inngest
 *    retries it with backoff (intake/received) and the channel gets 202.
 * Signed requests never count: a limit keyed by a (possibly spoofed) IP must not stop a channel.
 */
export async function receiveIntake(db: Database, input: IntakeRequest, opts: { now: Date }): Promise<IntakeHttpResponse> {
  const { channel, body, headers } = input;
  const adapter = intakeAdapters[channel];
  const { connection } = input;
  const signatureValid =
    !input.tooLarge &&
    (connection
      ? verifyStoreWebhook(channel, body, headers, webhookSecretOf(connection))
      : adapter.verifySignature(body, headers, intakeSecret(channel)));
  const meta = connection ? webhookMeta(channel, headers, decodeBody(body)) : null;
  const base = { channel, body, headers, signatureValid, now: opts.now, connectionId: connection?.id ?? null, ...meta };
  if (!signatureValid) await consumeOrThrow("intake_ip", input.clientIp, UNSIGNED_LIMIT_MESSAGE);

  if (input.tooLarge || body.byteLength > MAX_INTAKE_BODY_BYTES) {
    const stored = await storePayload(db, {
      ...base,
      keepBody: false,
      bodyBytes: `>${MAX_INTAKE_BODY_BYTES}`,
      status: "rejected",
      reason: "body_too_large",
    });
    return toIntakeResponse({ payloadId: stored.id, status: "rejected", reason: "body_too_large" });
  }
  if (channel === "woocommerce" && WOO_PING.test(decodeBody(body).trim())) {
    const stored = await storePayload(db, { ...base, keepBody: signatureValid, status: "ignored", reason: "webhook_ping" });
    return toIntakeResponse({ payloadId: stored.id, status: "ignored", reason: "webhook_ping" });
  }
  if (!signatureValid) {
    const errors = [{ path: "", code: "bad_signature" as const, message: `Missing or invalid ${adapter.signatureHeader} header` }];
    const stored = await storePayload(db, { ...base, keepBody: false, status: "rejected", reason: "bad_signature", errors });
    return toIntakeResponse({ payloadId: stored.id, status: "rejected", reason: "bad_signature" });
  }

  const stored = await storePayload(db, base);
  try {
    return toIntakeResponse(await processPayload(db, stored.id, opts));
  } catch (e) {
    // Stored and safe; hand it to Inngest. If even that fails, the sweeper finds it `received`.
    console.error("[intake] processing failed, retrying through Inngest", stored.id, e instanceof Error ? e.name : "");
    await scheduleIntakeRetry(stored.id, 1);
    return toIntakeResponse({ payloadId: stored.id, status: "received" });
  }
}
