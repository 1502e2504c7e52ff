import "server-only";
import type { Database } from "@/db/client";
import { auditLog, intakeChannelSettings } from "@/db/schema";
import type { Actor } from "../auth/actor";
import type { Channel } from "./adapters/canonical-order";
import type { ChannelSettings } from "./channel-settings";
import { loadChannelSettings } from "./load-intake-rules";

/** Changes a channel's validation modes (strict/lenient per check, test orders); audited. */
export async function updateChannelSettings(
  db: Database,
  channel: Channel,
  patch: Partial<ChannelSettings>,
  actor: Actor,
  opts: { now: Date },
): Promise<ChannelSettings> {
  return db.transaction(async (tx) => {
    const before = await loadChannelSettings(tx, channel);
    const next = { ...before, ...patch };
    await tx
      .insert(intakeChannelSettings)
      .values({ channel, ...next, updatedBy: actor.userId, updatedAt: opts.now })
      .onConflictDoUpdate({ target: intakeChannelSettings.channel, set: { ...next, updatedBy: actor.userId, updatedAt: opts.now } });
    await tx.insert(auditLog).values({
      actorType: "user",
      actorId: actor.userId,
      entityType: "intake_rule",
      entityId: `settings:${channel}`,
      action: "channel_settings_updated",
      at: opts.now,
      data: { before, after: next },
    });
    return next;
  });
}
