import "server-only";
import { createHash } from "node:crypto";
import type { DbOrTx } from "@/db/client";
import { intakePayloads } from "@/db/schema";
import type { Channel } from "./adapters/canonical-order";
import type { IntakeSource } from "@/db/vocabulary/intake";
import type { IntakeIssue, IntakeStatus } from "./intake-status";
import type { FetchedDocument } from "./json-shapes";

/** Headers never stored: credentials. Signature headers are kept (an HMAC reveals no secret). */
const SECRET_HEADERS = new Set(["authorization", "cookie", "proxy-authorization"]);

export function storableHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (!SECRET_HEADERS.has(name.toLowerCase())) out[name.toLowerCase()] = value;
  });
  return out;
}

export function sha256Hex(body: Uint8Array | string): string {
  return createHash("sha256").update(body).digest("hex");
}

/** UTF-8 text of the bytes, a leading BOM included (the default decoder would drop it). */
export function decodeBody(body: Uint8Array): string {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(body);
}

export type StorePayloadInput = {
  channel: Channel;
  body: Uint8Array;
  headers: Headers;
  signatureValid: boolean;
  /** Rows that are decided on arrival (bad signature, ping) are stored final in the same insert. */
  status?: IntakeStatus;
  reason?: string;
  errors?: IntakeIssue[];
  /**
   * false: the text stays empty, the hash and length still record the body. For every request
   * whose signature did not verify (anyone can send those) and bodies refused for their size.
   */
  keepBody?: boolean;
  /** What `x-replen-body-bytes` records when the body was not read whole (">2097152"). */
  bodyBytes?: string;
  now: Date;
  /** A connected store's payload (server/intake/connectors): which store, how it came, what it says it is. */
  connectionId?: string | null;
  source?: IntakeSource;
  topic?: string | null;
  deliveryId?: string | null;
  triggeredAt?: Date | null;
  fetched?: FetchedDocument[] | null;
  fetchedBody?: string | null;
};

/**
 * Rule "store first" (docs/intake-governance.md): the raw request is committed in its own
 * statement before anything else happens, so whatever fails later, the payload is on disk.
 * The text is the UTF-8 decoding of the exact bytes the signature was checked against.
 */
export async function storePayload(db: DbOrTx, input: StorePayloadInput): Promise<{ id: string }> {
  const final = input.status !== undefined && input.status !== "received";
  const [row] = await db
    .insert(intakePayloads)
    .values({
      channel: input.channel,
      // Postgres text cannot hold NUL; such a body is not JSON anyway. The hash keeps the exact bytes.
      rawBody: input.keepBody === false ? "" : decodeBody(input.body).replaceAll("\u0000", "\uFFFD"),
      bodySha256: sha256Hex(input.body),
      headers: { ...storableHeaders(input.headers), "x-replen-body-bytes": input.bodyBytes ?? String(input.body.byteLength) },
      signatureValid: input.signatureValid,
      status: input.status ?? "received",
      reason: input.reason ?? null,
      errors: input.errors ?? [],
      receivedAt: input.now,
      processedAt: final ? input.now : null,
      connectionId: input.connectionId ?? null,
      source: input.source ?? "webhook",
      topic: input.topic ?? null,
      deliveryId: input.deliveryId ?? null,
      triggeredAt: input.triggeredAt ?? null,
      fetched: input.fetched ?? null,
      fetchedBody: input.fetchedBody ?? null,
    })
    .returning({ id: intakePayloads.id });
  return row!;
}
