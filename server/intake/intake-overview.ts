import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { CHANNELS, type Channel } from "./adapters/canonical-order";
import type { IntakeStatus } from "./intake-status";
import { loadAllChannelSettings } from "./load-intake-rules";

/**
 * The intake page's header data: per channel, payload counts by status (all time) and the
 * channel's validation settings; open dead letters grouped by channel and reason.
 */
export async function intakeOverview(db: DbOrTx) {
  const statusRows = await db.execute<{ channel: Channel; status: IntakeStatus; count: number }>(sql`
    SELECT channel, status, count(*)::int AS count FROM intake_payloads GROUP BY channel, status`);
  const reasonRows = await db.execute<{ channel: Channel; reason: string | null; count: number }>(sql`
    SELECT channel, reason, count(*)::int AS count FROM intake_payloads
    WHERE status = 'dead_lettered' GROUP BY channel, reason ORDER BY count DESC, reason`);
  const settings = await loadAllChannelSettings(db);
  return {
    channels: CHANNELS.map((channel) => ({
      channel,
      counts: Object.fromEntries(statusRows.filter((r) => r.channel === channel).map((r) => [r.status, Number(r.count)])) as Partial<
        Record<IntakeStatus, number>
      >,
      settings: settings[channel],
    })),
    deadLetterReasons: reasonRows.map((r) => ({ channel: r.channel, reason: r.reason ?? "unknown", count: Number(r.count) })),
  };
}
