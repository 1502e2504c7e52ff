import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, channelConnections } from "@/db/schema";
import type { Actor } from "../../auth/actor";
import type { TestConnectionResult } from "../channel-connections.schema";
import { ChannelHttpError } from "./channel-http";
import { loadConnectionOrThrow, storeContextOf } from "./load-connection";
import { storeClientFor } from "./store-client-for";

/**
 * "Test connection": one cheap authenticated read against the store (no transaction is open
 * during it), then the result is recorded with an audit row. A failure is a result, not an
 * error: `ok: false` with the store's answer ("GET /shop.json answered HTTP 401 Unauthorized").
 */
export async function testConnection(db: Database, id: string, actor: Actor, opts: { now: Date }): Promise<TestConnectionResult> {
  const row = await loadConnectionOrThrow(db, id);
  let result: { ok: boolean; message: string };
  try {
    result = { ok: true, message: await storeClientFor(storeContextOf(db, row, opts.now)).testConnection() };
  } catch (e) {
    if (!(e instanceof ChannelHttpError)) throw e;
    result = { ok: false, message: e.reason };
  }
  await db.transaction(async (tx) => {
    await tx
      .update(channelConnections)
      .set({ lastTestAt: opts.now, lastTestOk: result.ok, lastTestMessage: result.message, updatedAt: opts.now })
      .where(eq(channelConnections.id, id));
    await tx.insert(auditLog).values({
      actorType: "user",
      actorId: actor.userId,
      entityType: "channel_connection",
      entityId: id,
      action: "connection_tested",
      at: opts.now,
      data: result,
    });
  });
  return { ...result, testedAt: opts.now.toISOString() };
}
