import "server-only";
import type { DbOrTx } from "@/db/client";
import { listSubscriptionActivity } from "./list-activity";
import { listCustomerOrders } from "@/server/orders/list-customer-orders";
import { getSubscriptionOrThrow } from "./list-subscriptions";
import { listDeliveryAddresses } from "./list-delivery-addresses";
import { loadOverrides } from "./lock-subscription";
import { toLocalDate } from "../schedule";
import type { SubscriptionDetailDto, UpcomingCycleDto } from "./subscription-dto.schema";
import { upcomingTimeline } from "./upcoming-timeline";
import { loadCycleExtras } from "./load-cycle-extras";

/** Everything the subscription page shows: the subscription, next 6 deliveries, orders, activity. */
export async function getSubscriptionDetail(db: DbOrTx, customerId: string, id: string, now: Date): Promise<SubscriptionDetailDto> {
  const { row, dto, product } = await getSubscriptionOrThrow(db, customerId, id);
  const [overrides, orders, activity, extras, sentElsewhere] = await Promise.all([
    loadOverrides(db, row.id, row.anchorIndex),
    listCustomerOrders(db, customerId, { subscriptionId: row.id }),
    listSubscriptionActivity(db, row.id),
    loadCycleExtras(db, row.id, row.nextCycleIndex),
    listDeliveryAddresses(db, row.id, row.anchorIndex),
  ]);
  // Swaps and add-ons of cycles whose order exists are shown by the order's own lines.
  const planned = (cycleIndex: number, ordered: boolean) => {
    const swap = ordered ? undefined : extras.swaps.get(cycleIndex);
    return {
      product: swap ?? { id: product.id, name: product.name },
      swapped: swap !== undefined,
      addons: ordered ? [] : (extras.addons.get(cycleIndex) ?? []),
    };
  };
  const orderByCycle = new Map(orders.filter((o) => o.cycleIndex !== null).map((o) => [o.cycleIndex, o]));
  const timeline: UpcomingCycleDto[] = upcomingTimeline(row, overrides, now).map((cycle) => {
    const order = orderByCycle.get(cycle.cycleIndex);
    return {
      cycleIndex: cycle.cycleIndex,
      localDate: cycle.localDate,
      nominalDate: cycle.nominalDate,
      at: cycle.at.toISOString(),
      skipped: cycle.skipped,
      rescheduled: cycle.rescheduled,
      order: order ? { id: order.id, number: order.number } : null,
      ...planned(cycle.cycleIndex, order !== undefined),
      deliveryAddress: sentElsewhere.get(cycle.cycleIndex) ?? null,
    };
  });
  // Orders already created for a future date are upcoming deliveries even where the timeline
  // doesn't reach them: before a re-anchor (frequency change), or ahead of a pause.
  const listed = new Set(timeline.map((c) => c.cycleIndex));
  const earlier: UpcomingCycleDto[] = orders
    .filter((o) => o.cycleIndex !== null && !listed.has(o.cycleIndex) && o.scheduledFor && o.scheduledFor > now.toISOString())
    .map((o) => {
      const localDate = toLocalDate(new Date(o.scheduledFor!), row.timeZone);
      return {
        cycleIndex: o.cycleIndex!,
        localDate,
        nominalDate: localDate,
        at: o.scheduledFor!,
        skipped: false,
        rescheduled: false,
        order: { id: o.id, number: o.number },
        ...planned(o.cycleIndex!, true),
        deliveryAddress: sentElsewhere.get(o.cycleIndex!) ?? null,
      };
    });
  const upcoming = [...earlier, ...timeline].sort((a, b) => a.cycleIndex - b.cycleIndex).slice(0, 6);
  return { subscription: dto, upcoming, orders, activity };
}
