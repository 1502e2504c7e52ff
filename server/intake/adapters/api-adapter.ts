import { apiOrderSchema } from "./canonical-order";
import type { ChannelAdapter, ParseResult } from "./channel-adapter";
import { finalizeOrder } from "./finalize-order";
import { parseLosslessJson } from "./lossless-json";
import { createMappingContext } from "./mapping-context";
import { verifyHmacBase64 } from "./signature";
import { toUtcIso } from "./to-utc-iso";
import { zodIssuesToErrors } from "./zod-issues";

export const API_SIGNATURE_HEADER = "X-Replen-Signature";

/**
 * Orders pushed to Replen's own API: the body already is a canonical order (without `channel`
 * and `notes`, which the server owns), so errors use the request's own paths. The same
 * order-level quirks as every channel still apply (duplicate lines merged, totals flagged).
 * Routes may authenticate with this HMAC or with `verifyBearerToken` instead.
 */
export const apiAdapter: ChannelAdapter = {
  channel: "api",
  signatureHeader: API_SIGNATURE_HEADER,
  verifySignature: (rawBody, headers, secret) => verifyHmacBase64(rawBody, headers, API_SIGNATURE_HEADER, secret),
  parse(rawBody: string): ParseResult {
    const json = parseLosslessJson(rawBody);
    if (!json.ok) return { ok: false, errors: [{ path: "", message: json.message }] };
    const input = apiOrderSchema.safeParse(json.value);
    if (!input.success) return { ok: false, errors: zodIssuesToErrors(input.error.issues) };
    const ctx = createMappingContext(input.data.currency);
    // The schema guarantees "…Z"; this only makes the precision uniform (".000Z") across channels.
    const placedAt = toUtcIso(input.data.placedAt, "iso-offset") ?? input.data.placedAt;
    return finalizeOrder({ ...input.data, placedAt, channel: "api", notes: [] }, ctx);
  },
};
