import "server-only";
import type { Database } from "@/db/client";
import { pgError } from "@/db/pg-error";
import { auditLog, channelConnections } from "@/db/schema";
import type { Actor } from "../../auth/actor";
import { AppError } from "../../errors/app-error";
import type { ConnectionView, CreateConnectionInput } from "../channel-connections.schema";
import { sealWithEnvKey } from "./connection-secrets";
import { connectionView } from "./connection-view";

/**
 * Connects a store: credentials and webhook secret are encrypted before the insert and never
 * returned; the audit row records who connected what, without any secret. A handle already used
 * on the channel is a 409 on `slug` (several stores per channel, each its own handle).
 */
export async function createConnection(db: Database, input: CreateConnectionInput, actor: Actor, opts: { now: Date }): Promise<ConnectionView> {
  const credentialsCiphertext = sealWithEnvKey(JSON.stringify(input.credentials));
  const webhookSecretCiphertext = input.webhookSecret ? sealWithEnvKey(input.webhookSecret) : null;
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(channelConnections)
        .values({
          channel: input.channel,
          slug: input.slug,
          name: input.name,
          apiBaseUrl: input.apiBaseUrl,
          credentialsCiphertext,
          webhookSecretCiphertext,
          reconcileEveryMinutes: input.reconcileEveryMinutes,
          createdBy: actor.userId,
          createdAt: opts.now,
          updatedAt: opts.now,
        })
        .returning();
      await tx.insert(auditLog).values({
        actorType: "user",
        actorId: actor.userId,
        entityType: "channel_connection",
        entityId: row!.id,
        action: "connection_created",
        at: opts.now,
        data: { channel: input.channel, slug: input.slug, name: input.name, apiBaseUrl: input.apiBaseUrl },
      });
      return connectionView(row!);
    });
  } catch (e) {
    if (pgError(e)?.code === "23505") {
      throw new AppError("CONFLICT", `A ${input.channel} store with the handle "${input.slug}" is already connected`, {
        slug: "This handle is already used on this channel",
      });
    }
    throw e;
  }
}
