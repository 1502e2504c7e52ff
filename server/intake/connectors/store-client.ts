import type { ConnectedChannel, ConnectionCredentials } from "../channel-connections.schema";
import type { FetchedDocument } from "../json-shapes";
import type { HttpOptions } from "./channel-http";

/** An order as pulled from a store's API: the body intake's adapter for that channel parses. */
export type FetchedOrder = {
  externalId: string;
  /** When the store last changed it (ISO), to move the watermark. */
  updatedAt: string | null;
  body: string;
  documents: FetchedDocument[];
  /** false: not ready for intake yet (an Amazon Pending order has no prices); skipped this round. */
  ready: boolean;
};

/** Everything a client needs to talk to one store; credentials already decrypted. */
export type StoreContext<C extends ConnectedChannel = ConnectedChannel> = {
  connectionId: string;
  channel: C;
  apiBaseUrl: string;
  credentials: ConnectionCredentials<C>;
  http: HttpOptions;
  now: Date;
  /** Amazon: the cached LWA access token, and where a refreshed one is recorded. */
  token?: { value: string; expiresAt: Date } | null;
  saveToken?: (token: { value: string; expiresAt: Date }) => Promise<void>;
};

export interface StoreClient {
  /** A cheap authenticated read; resolves with a human message, throws ChannelHttpError. */
  testConnection(): Promise<string>;
  /** Every order changed in [since, until), all pages. */
  listChangedSince(since: Date, until: Date): Promise<FetchedOrder[]>;
}

/** Joins a base URL (with or without a trailing slash) and a path. */
export function joinUrl(base: string, path: string, query?: Record<string, string>): string {
  const url = new URL(base.replace(/\/+$/, "") + path);
  for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
  return url.toString();
}
