import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import type { ActivityDto } from "./subscription-dto.schema";

/**
 * A subscription's audit rows, newest first, with the acting user's email. The caller must
 * already have checked that the subscription belongs to the customer asking.
 */
export async function listSubscriptionActivity(db: DbOrTx, subscriptionId: string, limit = 100): Promise<ActivityDto[]> {
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      fromState: auditLog.fromState,
      toState: auditLog.toState,
      actorType: auditLog.actorType,
      actorId: auditLog.actorId,
      email: users.email,
      data: auditLog.data,
    })
    .from(auditLog)
    .leftJoin(users, and(eq(auditLog.actorType, "user"), sql`${users.id}::text = ${auditLog.actorId}`))
    .where(and(eq(auditLog.entityType, "subscription"), eq(auditLog.entityId, subscriptionId)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    action: r.action,
    fromState: r.fromState,
    toState: r.toState,
    actor: { type: r.actorType, id: r.actorId, email: r.email },
    data: r.data ?? null,
  }));
}
