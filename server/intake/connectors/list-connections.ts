import "server-only";
import { asc } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { channelConnections } from "@/db/schema";
import type { ConnectionView } from "../channel-connections.schema";
import { connectionView } from "./connection-view";

export async function listConnections(db: DbOrTx): Promise<ConnectionView[]> {
  const rows = await db.select().from(channelConnections).orderBy(asc(channelConnections.channel), asc(channelConnections.slug));
  return rows.map(connectionView);
}
