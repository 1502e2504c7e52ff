import { issuesToFields } from "./issue-codes";
import type { IntakeResult } from "./intake-status";

export type IntakeHttpResponse = { status: number; body: Record<string, unknown>; headers: Record<string, string> };

/**
 * What a channel gets back (docs/intake-governance.md, "Responses"). Every answer carries the
 * stored payload's id. Refusals that retrying cannot fix (a stale status, a cancel after
 * shipping, a test order) are 200 with the status in the body: webhook senders retry non-2xx
 * responses for days and disable endpoints that keep failing, which would stop good orders too.
 */
export function toIntakeResponse(result: IntakeResult): IntakeHttpResponse {
  const headers: Record<string, string> = { "X-Intake-Payload-Id": result.duplicatePayloadId ?? result.payloadId };
  const summary = {
    payloadId: result.payloadId,
    status: result.status,
    ...(result.orderId ? { orderId: result.orderId } : {}),
    ...(result.action ? { action: result.action } : {}),
    ...(result.reason ? { reason: result.reason } : {}),
  };
  switch (result.status) {
    case "accepted":
      return { status: result.action === "created" ? 201 : 200, body: summary, headers };
    case "duplicate":
      // The original result, as Stripe does for idempotent replays; the new copy's id alongside.
      return {
        status: 200,
        body: { ...summary, status: "accepted", duplicatePayloadId: result.duplicatePayloadId },
        headers: { ...headers, "Idempotent-Replayed": "true" },
      };
    case "received":
      return { status: 202, body: summary, headers };
    case "ignored":
    case "superseded":
      return { status: 200, body: summary, headers };
    case "rejected":
      if (result.reason === "bad_signature") {
        return {
          status: 401,
          body: { error: { code: "UNAUTHENTICATED", message: "Invalid or missing signature" }, payloadId: result.payloadId },
          headers,
        };
      }
      if (result.reason === "body_too_large") {
        return { status: 413, body: { error: { code: "BAD_REQUEST", message: "The body is too large" }, payloadId: result.payloadId }, headers };
      }
      return { status: 200, body: summary, headers };
    case "dead_lettered": {
      const errors = result.errors ?? [];
      // The store's API failed us, not the webhook: answering an error would only make the channel
      // retry and eventually disable the webhook. Stored; replay or reconciliation fetches it again.
      if (result.reason === "fetch_failed") return { status: 200, body: { ...summary, reasons: errors }, headers };
      const malformed = result.reason === "malformed_body";
      return {
        status: malformed ? 400 : 422,
        body: {
          error: {
            code: malformed ? "BAD_REQUEST" : "VALIDATION",
            message: malformed ? "The body is not valid JSON" : "The order failed validation",
            fields: issuesToFields(errors),
            reasons: errors,
          },
          payloadId: result.payloadId,
          deadLetter: true,
        },
        headers,
      };
    }
  }
}
