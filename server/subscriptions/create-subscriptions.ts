import "server-only";
import type { Database } from "@/db/client";
import { subscriptions } from "@/db/schema";
import { createNotifications } from "@/server/notifications/create-notification";
import { announceOrders } from "@/server/orders/announce-orders";
import { AppError, invalid, type FieldErrors } from "../errors/app-error";
import { generateForSubscriptions } from "../generation/generate-for-subscriptions";
import { validateNewSubscription } from "./create-subscription";
import type { CustomerActor } from "./lock-subscription";
import { cycleAt } from "./subscription-schedule";
import type { CreateSubscriptionInput } from "./subscription.schema";
import { auditSubscriptions } from "./transition";

export type NewSubscription = { actor: CustomerActor; input: CreateSubscriptionInput };

/**
 * createSubscription for many at once (bulk sources: the demo seed, an import): the same
 * checks per item, then ONE transaction with set-based writes — the inserts, the audit rows
 * (one statement per customer login), the first orders through the generator's batch path and
 * the confirmations — and one `order/created` announcement after commit. All or nothing: a bad
 * item fails the batch with its errors under `items.<i>.<field>`, and nothing is written.
 */
export async function createSubscriptions(
  db: Database,
  items: readonly NewSubscription[],
  now: Date,
): Promise<Array<{ subscriptionId: string; firstOrderId: string | null }>> {
  if (items.length === 0) return [];
  const { ids, firstOrders } = await db.transaction(async (tx) => {
    const values: Array<typeof subscriptions.$inferInsert & { timeZone: string; firstLocalDate: string }> = [];
    const fields: FieldErrors = {};
    for (const [i, { actor, input }] of items.entries()) {
      try {
        const { timeZone, addressId } = await validateNewSubscription(tx, actor.customerId, input, now);
        const row = {
          customerId: actor.customerId,
          productId: input.productId,
          addressId,
          quantity: input.quantity,
          frequency: input.frequency,
          anchorDate: input.startDate,
          anchorIndex: 0,
          localTime: input.localTime,
          timeZone,
          endKind: input.end.kind,
          endCycles: input.end.kind === "after_cycles" ? input.end.cycles : null,
          endDate: input.end.kind === "on_date" ? input.end.endDate : null,
          status: "active" as const,
          nextCycleIndex: 0,
          createdAt: now,
          updatedAt: now,
        };
        const first = cycleAt(row, [], 0);
        if (!first) throw invalid({ end: "This end condition leaves no deliveries" });
        values.push({ ...row, nextRunAt: first.at, firstLocalDate: first.localDate });
      } catch (e) {
        if (!(e instanceof AppError) || !e.fields) throw e;
        for (const [field, reason] of Object.entries(e.fields)) fields[`items.${i}.${field}`] = reason;
      }
    }
    if (Object.keys(fields).length > 0) throw invalid(fields);

    // INSERT … VALUES … RETURNING returns the rows in the order of VALUES.
    const rows = await tx
      .insert(subscriptions)
      .values(values.map(({ firstLocalDate: _d, ...v }) => v))
      .returning({ id: subscriptions.id });
    if (rows.length !== items.length) throw new Error(`inserted ${rows.length} of ${items.length} subscriptions`);
    const byUser = new Map<string, Parameters<typeof auditSubscriptions>[2][number][]>();
    items.forEach(({ actor, input }, i) => {
      const entry = {
        subscriptionId: rows[i]!.id,
        action: "created" as const,
        fromState: null,
        toState: "active",
        at: now,
        data: {
          productId: input.productId,
          quantity: input.quantity,
          frequency: input.frequency,
          startDate: input.startDate,
          localTime: input.localTime,
          timeZone: values[i]!.timeZone,
          end: input.end,
        },
      };
      byUser.set(actor.userId, [...(byUser.get(actor.userId) ?? []), entry]);
    });
    for (const [userId, entries] of byUser) await auditSubscriptions(tx, { type: "user", userId }, entries);
    const generated = await generateForSubscriptions(
      tx,
      rows.map((r) => r.id),
      now,
    );
    await createNotifications(
      tx,
      items.map(({ actor }, i) => ({
        customerId: actor.customerId,
        kind: "subscription_confirmed",
        title: "Subscription confirmed",
        body: `Your first delivery is scheduled for ${values[i]!.firstLocalDate}.`,
        link: `/subscriptions/${rows[i]!.id}`,
        data: { subscriptionId: rows[i]!.id },
      })),
    );
    return { ids: rows.map((r) => r.id), firstOrders: new Map(generated.map((o) => [o.subscriptionId, o.orderId])) };
  });
  await announceOrders([...firstOrders.values()]);
  return ids.map((id) => ({ subscriptionId: id, firstOrderId: firstOrders.get(id) ?? null }));
}
