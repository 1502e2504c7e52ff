import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { intakeChannelSettings, intakeSkuAliases } from "@/db/schema";
import { CHANNELS, type Channel } from "./adapters/canonical-order";
import { type ChannelSettings, DEFAULT_CHANNEL_SETTINGS } from "./channel-settings";

/** The channel's SKU aliases as from → to. */
export async function loadSkuAliases(db: DbOrTx, channel: Channel): Promise<Map<string, string>> {
  const rows = await db
    .select({ from: intakeSkuAliases.fromSku, to: intakeSkuAliases.toSku })
    .from(intakeSkuAliases)
    .where(eq(intakeSkuAliases.channel, channel));
  return new Map(rows.map((r) => [r.from, r.to]));
}

/** The channel's validation settings: its stored row, else the documented defaults. */
export async function loadChannelSettings(db: DbOrTx, channel: Channel): Promise<ChannelSettings> {
  const [row] = await db.select().from(intakeChannelSettings).where(eq(intakeChannelSettings.channel, channel));
  return row ? { totalsMode: row.totalsMode, customerMode: row.customerMode, testOrders: row.testOrders } : DEFAULT_CHANNEL_SETTINGS[channel];
}

export async function loadAllChannelSettings(db: DbOrTx): Promise<Record<Channel, ChannelSettings>> {
  const rows = await db.select().from(intakeChannelSettings);
  const stored = new Map(rows.map((r) => [r.channel, { totalsMode: r.totalsMode, customerMode: r.customerMode, testOrders: r.testOrders }]));
  return Object.fromEntries(CHANNELS.map((c) => [c, stored.get(c) ?? DEFAULT_CHANNEL_SETTINGS[c]])) as Record<Channel, ChannelSettings>;
}
