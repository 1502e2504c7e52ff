import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { CHANNELS, type Channel } from "./adapters/canonical-order";

export type ChannelIntakeMetrics = {
  channel: Channel;
  received: number;
  accepted: number;
  /** Refused: bad signature, stale status… (`rejected`) plus everything dead-lettered. */
  rejected: number;
  deadLettered: number;
  duplicates: number;
  ignored: number;
  /** Payloads that needed more than one processing attempt (Inngest retries, replays). */
  retried: number;
  byReason: Array<{ reason: string; count: number }>;
};

export type IntakeMetrics = {
  /** Open dead letters (all time), the dashboard's dead-letter count. */
  total: number;
  byChannel: Array<{ channel: Channel; count: number }>;
  /** Per channel, over payloads received since `since`. */
  perChannel: ChannelIntakeMetrics[];
  since: string;
};

/**
 * Intake metrics for the monitoring dashboard and the intake page. Reasons count every
 * payload that carries one (dead letters, rejections, ignored test orders…), so a spike of
 * `unknown_sku` on one channel is visible at a glance. Counts come from the payload rows
 * themselves: nothing to keep in sync.
 */
export async function intakeMetrics(db: DbOrTx, opts: { now?: Date; windowHours?: number } = {}): Promise<IntakeMetrics> {
  const now = opts.now ?? new Date();
  const since = new Date(now.getTime() - (opts.windowHours ?? 24) * 3_600_000).toISOString();
  const open = await db.execute<{ channel: Channel; count: number }>(sql`
    SELECT channel, count(*)::int AS count FROM intake_payloads WHERE status = 'dead_lettered' GROUP BY channel`);
  const counts = await db.execute<Record<string, number> & { channel: Channel }>(sql`
    SELECT channel,
      count(*)::int AS received,
      count(*) FILTER (WHERE status = 'accepted')::int AS accepted,
      count(*) FILTER (WHERE status IN ('rejected', 'dead_lettered', 'superseded'))::int AS rejected,
      count(*) FILTER (WHERE status = 'dead_lettered')::int AS dead_lettered,
      count(*) FILTER (WHERE status = 'duplicate')::int AS duplicates,
      count(*) FILTER (WHERE status = 'ignored')::int AS ignored,
      count(*) FILTER (WHERE attempts > 1)::int AS retried
    FROM intake_payloads WHERE received_at >= ${since}::timestamptz GROUP BY channel`);
  const reasons = await db.execute<{ channel: Channel; reason: string; count: number }>(sql`
    SELECT channel, reason, count(*)::int AS count FROM intake_payloads
    WHERE received_at >= ${since}::timestamptz AND reason IS NOT NULL
    GROUP BY channel, reason ORDER BY count DESC, reason`);

  const byChannel = CHANNELS.map((channel) => ({ channel, count: Number(open.find((r) => r.channel === channel)?.count ?? 0) }));
  const perChannel = CHANNELS.map((channel): ChannelIntakeMetrics => {
    const c = counts.find((r) => r.channel === channel);
    const n = (key: string) => Number(c?.[key] ?? 0);
    return {
      channel,
      received: n("received"),
      accepted: n("accepted"),
      rejected: n("rejected"),
      deadLettered: n("dead_lettered"),
      duplicates: n("duplicates"),
      ignored: n("ignored"),
      retried: n("retried"),
      byReason: reasons.filter((r) => r.channel === channel).map((r) => ({ reason: r.reason, count: Number(r.count) })),
    };
  });
  return { total: byChannel.reduce((s, c) => s + c.count, 0), byChannel, perChannel, since };
}
