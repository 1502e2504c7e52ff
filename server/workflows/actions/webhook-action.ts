import { createHmac, timingSafeEqual } from "node:crypto";
import { type ActionResult, fail, ok } from "./action-result";

export const SIGNATURE_HEADER = "X-Replen-Signature";

/** `sha256=<hex HMAC-SHA256 of the exact body bytes>`, the format GitHub and Shopify use. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** For receivers (and tests): constant-time check of a signature header against the body. */
export function verifySignature(body: string, header: string | null | undefined, secret: string): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(body, secret));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Resolves a webhook action's `secretName` without putting secrets in definitions:
 * "default" → WEBHOOK_SIGNING_SECRET; any other name → $WEBHOOK_SECRET_<NAME> (upper snake).
 * Only that prefix is readable, so a workflow author cannot make the engine sign with, say,
 * the Stripe key.
 */
export function resolveWebhookSecret(name: string, vars: Record<string, string | undefined>, fallback: string): string | null {
  if (name === "default") return fallback;
  const key = `WEBHOOK_SECRET_${name.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}`;
  return vars[key] || null;
}

/**
 * POSTs the JSON payload, signed, with a timeout. Any non-2xx (or no answer) is a failure
 * the retry policy handles; the idempotency key header lets the receiver drop repeats.
 */
export async function postWebhook(opts: {
  url: string;
  payload: unknown;
  secret: string;
  idempotencyKey: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}): Promise<ActionResult> {
  const body = JSON.stringify(opts.payload);
  try {
    const res = await (opts.fetch ?? fetch)(opts.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        [SIGNATURE_HEADER]: signBody(body, opts.secret),
        "X-Replen-Idempotency-Key": opts.idempotencyKey,
        "User-Agent": "Replen-Webhook/1",
      },
      body,
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    await res.body?.cancel().catch(() => {});
    return res.ok ? ok({ status: res.status }) : fail(`http_${res.status}`);
  } catch (e) {
    return fail(e instanceof Error && e.name === "TimeoutError" ? "timeout" : "network_error");
  }
}
