import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { channelConnections } from "@/db/schema";
import { env } from "../../env";
import { AppError, notFound } from "../../errors/app-error";
import { type ConnectedChannel, connectionCredentialsSchemas } from "../channel-connections.schema";
import { openWithEnvKey, sealWithEnvKey } from "./connection-secrets";
import type { StoreContext } from "./store-client";

export type ConnectionRow = typeof channelConnections.$inferSelect;

export async function loadConnectionOrThrow(db: DbOrTx, id: string): Promise<ConnectionRow> {
  const [row] = await db.select().from(channelConnections).where(eq(channelConnections.id, id));
  if (!row) throw notFound("Channel connection");
  return row;
}

/** The store's webhook secret in clear, or "" when none is set (every signature then fails). */
export function webhookSecretOf(row: ConnectionRow): string {
  return row.webhookSecretCiphertext ? openWithEnvKey(row.webhookSecretCiphertext) : "";
}

/**
 * Decrypts a connection into what a store client needs. A box that no longer opens (the key
 * changed) is a clear 503 naming the fix, never the ciphertext or a crypto message.
 */
export function storeContextOf(db: DbOrTx, row: ConnectionRow, now: Date): StoreContext {
  const channel = row.channel as ConnectedChannel;
  const schema = connectionCredentialsSchemas[channel];
  if (!schema) throw new AppError("BAD_REQUEST", `The ${row.channel} channel has no store connections`);
  let credentials: unknown;
  try {
    credentials = schema.parse(JSON.parse(openWithEnvKey(row.credentialsCiphertext)));
  } catch {
    throw new AppError("UNAVAILABLE", "The stored credentials cannot be read (was CHANNEL_CREDENTIALS_KEY changed?). Enter them again.");
  }
  let token: StoreContext["token"] = null;
  if (row.accessTokenCiphertext && row.accessTokenExpiresAt) {
    try {
      token = { value: openWithEnvKey(row.accessTokenCiphertext), expiresAt: row.accessTokenExpiresAt };
    } catch {
      token = null; // refreshed on first use
    }
  }
  return {
    connectionId: row.id,
    channel,
    apiBaseUrl: row.apiBaseUrl,
    credentials: credentials as StoreContext["credentials"],
    http: { timeoutMs: env().CHANNEL_HTTP_TIMEOUT_MS, attempts: 3, backoffMs: 250 },
    now,
    token,
    // A short statement of its own, never inside a transaction: the refresh was an HTTP call.
    saveToken: async (t) => {
      await db
        .update(channelConnections)
        .set({ accessTokenCiphertext: sealWithEnvKey(t.value), accessTokenExpiresAt: t.expiresAt })
        .where(eq(channelConnections.id, row.id));
    },
  };
}
