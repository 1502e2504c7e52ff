import type { CanonicalOrder, Channel } from "./canonical-order";
import type { HeaderBag } from "./signature";

/**
 * A problem with the input, as data. `path` is a canonical path such as "lines[2].sku" or
 * "customer.email"; paths that start with the channel name ("shopify.line_items[0].quantity")
 * point into the channel's own payload, for values too malformed to map at all. "" is the body.
 */
export type IntakeError = { path: string; message: string };

export type ParseResult = { ok: true; order: CanonicalOrder } | { ok: false; errors: IntakeError[] };

export interface ChannelAdapter {
  readonly channel: Channel;
  /** Name of the header carrying the signature, for logs and for signing test fixtures. */
  readonly signatureHeader: string;
  /** Never throws; false for a missing, malformed or wrong signature, or an empty secret. */
  verifySignature(rawBody: string | Uint8Array, headers: HeaderBag, secret: string): boolean;
  /** Never throws for bad input; every problem found is returned, not just the first. */
  parse(rawBody: string): ParseResult;
}
