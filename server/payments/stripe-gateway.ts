import type { AuthorizeRequest, GatewayOutcome, PaymentGateway, RefRequest } from "./gateway";

export type StripeConfig = {
  secretKey: string;
  /** https://api.stripe.com in production; tests point it at a local impersonator. */
  apiBase: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
};

type StripeError = { error?: { type?: string; code?: string; decline_code?: string } };
type StripeIntent = { id?: string; status?: string };

/** Stripe codes for which retrying the same card cannot succeed. */
const PERMANENT = new Set([
  "resource_missing",
  "payment_method_unactivated",
  "card_decline_rate_limit_exceeded",
  "invalid_number",
  "expired_card",
  "incorrect_number",
  "payment_intent_unexpected_state",
  "parameter_invalid_empty",
]);

/** Stripe's form encoding: nested keys as `metadata[order_id]`. */
function form(params: Record<string, string | number | boolean | Record<string, string> | undefined>): string {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (typeof value === "object") for (const [k, v] of Object.entries(value)) body.append(`${key}[${k}]`, v);
    else body.append(key, String(value));
  }
  return body.toString();
}

/**
 * Stripe adapter over its REST API (no SDK): authorizations are PaymentIntents created with
 * `capture_method=manual` and confirmed off-session; capture/cancel/refund act on the intent.
 * Stripe's own Idempotency-Key header carries our key, so a retried call never charges twice.
 * Card errors (HTTP 402) are declines; 5xx, 429 and network errors are transient.
 */
export function createStripeGateway(config: StripeConfig): PaymentGateway {
  const doFetch = config.fetch ?? fetch;
  const call = async (
    path: string,
    params: Parameters<typeof form>[0],
    idempotencyKey: string,
    approve: (intent: StripeIntent) => GatewayOutcome,
  ): Promise<GatewayOutcome> => {
    let res: Response;
    try {
      res = await doFetch(`${config.apiBase.replace(/\/$/, "")}${path}`, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${config.secretKey}`,
          "Content-Type": "application/x-www-form-urlencoded",
          "Idempotency-Key": idempotencyKey,
          "Stripe-Version": "2024-06-20",
        },
        body: form(params),
        signal: AbortSignal.timeout(config.timeoutMs ?? 20_000),
      });
    } catch {
      return { status: "error", code: "network_error" };
    }
    const json = (await res.json().catch(() => ({}))) as StripeIntent & StripeError;
    if (res.ok) return approve(json);
    if (res.status === 429 || res.status >= 500) return { status: "error", code: `http_${res.status}` };
    const code = json.error?.decline_code ?? json.error?.code ?? `http_${res.status}`;
    // 402 = card error (a decline); other 4xx mean our request can't succeed as sent.
    return { status: "declined", code, retryable: res.status === 402 && !PERMANENT.has(code) };
  };
  const intentOk =
    (expected: string[]) =>
    (intent: StripeIntent): GatewayOutcome =>
      intent.id && intent.status && expected.includes(intent.status)
        ? { status: "approved", ref: intent.id }
        : { status: "declined", code: `unexpected_status_${intent.status ?? "none"}`, retryable: false };

  return {
    name: "stripe",
    authorize: (req: AuthorizeRequest) =>
      call(
        "/v1/payment_intents",
        {
          amount: req.amountMinor,
          currency: req.currency.toLowerCase(),
          payment_method: req.paymentMethod.token,
          customer: req.paymentMethod.providerCustomerId ?? undefined,
          capture_method: "manual",
          confirm: true,
          off_session: true,
          metadata: { order_id: req.orderId },
        },
        req.idempotencyKey,
        intentOk(["requires_capture"]),
      ),
    capture: (req: RefRequest) =>
      call(
        `/v1/payment_intents/${encodeURIComponent(req.ref)}/capture`,
        { amount_to_capture: req.amountMinor },
        req.idempotencyKey,
        intentOk(["succeeded"]),
      ),
    void: (req: RefRequest) => call(`/v1/payment_intents/${encodeURIComponent(req.ref)}/cancel`, {}, req.idempotencyKey, intentOk(["canceled"])),
    refund: (req: RefRequest) =>
      call("/v1/refunds", { payment_intent: req.ref, amount: req.amountMinor }, req.idempotencyKey, (r) =>
        r.id ? { status: "approved", ref: r.id } : { status: "declined", code: "refund_missing_id", retryable: false },
      ),
  };
}
