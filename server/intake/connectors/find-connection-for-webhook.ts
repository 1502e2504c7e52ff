import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { channelConnections } from "@/db/schema";
import type { Channel } from "../adapters/canonical-order";
import type { ConnectionRow } from "./load-connection";

/** The store a webhook URL names, if it exists on that channel (disabled stores still receive: nothing is lost). */
export async function findConnectionForWebhook(db: DbOrTx, channel: Channel, id: string): Promise<ConnectionRow | null> {
  const [row] = await db
    .select()
    .from(channelConnections)
    .where(and(eq(channelConnections.id, id), eq(channelConnections.channel, channel)));
  return row ?? null;
}
