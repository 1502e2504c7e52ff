/**
 * Response shapes of the v1 API, as zod schemas: the queries return exactly these types and
 * the OpenAPI document is generated from them, so the docs can't drift from the code.
 * Instants are ISO-8601 UTC strings; local dates are `YYYY-MM-DD`; money is integer minor units.
 */
import { z } from "zod";
import { END_CONDITION_KINDS, FREQUENCIES } from "../schedule";
import { ORDER_KINDS } from "@/db/vocabulary/order-kinds";
import { responseSchemas } from "../http/named-schemas";
import { CANCEL_REASONS } from "@/db/vocabulary/save-offers";
import { addressSummaryDto } from "@/server/customers/address.schema";
import { SUBSCRIPTION_STATUSES } from "./subscription-status";

const instant = z.string().meta({ format: "date-time", description: "ISO-8601 instant (UTC)" });
const localDate = z.string().meta({ format: "date", description: "Local date YYYY-MM-DD" });

export const occurrenceDto = z.object({ index: z.number().int(), localDate, at: instant }).register(responseSchemas, { id: "Occurrence" });

export const schedulePreviewDto = z
  .object({ timeZone: z.string(), localTime: z.string(), occurrences: z.array(occurrenceDto) })
  .register(responseSchemas, { id: "SchedulePreview" });

export const productDto = z
  .object({
    id: z.string(),
    sku: z.string(),
    name: z.string(),
    description: z.string(),
    category: z.string(),
    priceMinor: z.number().int(),
    currency: z.string(),
    imageUrl: z.string().nullable(),
  })
  .register(responseSchemas, { id: "Product" });

export const endDto = z
  .object({ kind: z.enum(END_CONDITION_KINDS), cycles: z.number().int().nullable(), endDate: localDate.nullable() })
  .register(responseSchemas, { id: "EndCondition" });

export const subscriptionDto = z
  .object({
    id: z.string(),
    status: z.enum(SUBSCRIPTION_STATUSES),
    product: z.object({ id: z.string(), sku: z.string(), name: z.string(), priceMinor: z.number().int(), currency: z.string() }),
    quantity: z.number().int(),
    frequency: z.enum(FREQUENCIES),
    anchorDate: localDate,
    localTime: z.string(),
    timeZone: z.string(),
    end: endDto,
    pausedUntil: localDate.nullable(),
    /** The next delivery that will produce an order, null when none is due (paused/ended/cancelled). */
    next: z.object({ cycleIndex: z.number().int(), localDate, at: instant }).nullable(),
    createdAt: instant,
    cancelledAt: instant.nullable(),
    /** Why it was cancelled, as picked in the cancel flow (null: none given or not cancelled). */
    cancelReason: z.enum(CANCEL_REASONS).nullable(),
    /** An accepted save offer's percentage off the next `ordersLeft` generated orders. */
    discount: z.object({ percent: z.number().int(), ordersLeft: z.number().int() }).nullable(),
    /** Where its deliveries ship (null: none set, orders fall back to the customer's default address). */
    address: addressSummaryDto.nullable(),
  })
  .register(responseSchemas, { id: "Subscription" });

export const cycleAddonDto = z
  .object({ productId: z.string(), sku: z.string(), name: z.string(), quantity: z.number().int(), priceMinor: z.number().int() })
  .register(responseSchemas, { id: "CycleAddon" });

export const upcomingCycleDto = z
  .object({
    cycleIndex: z.number().int(),
    localDate,
    nominalDate: localDate,
    at: instant,
    skipped: z.boolean(),
    rescheduled: z.boolean(),
    /** Set when the cycle's order already exists (the first one is created at confirmation). */
    order: z.object({ id: z.string(), number: z.number().int() }).nullable(),
    /** What this delivery ships: the subscription's product, or its "this delivery only" swap. */
    product: z.object({ id: z.string(), name: z.string() }),
    swapped: z.boolean(),
    /** One-time add-ons: extra lines of this delivery's order only. */
    addons: z.array(cycleAddonDto),
    /** This delivery only ships here instead of the subscription's address ("send this one elsewhere"). */
    deliveryAddress: addressSummaryDto.nullable(),
  })
  .register(responseSchemas, { id: "UpcomingCycle" });

export const orderLineDto = z.object({
  sku: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  unitPriceMinor: z.number().int(),
  reservedQuantity: z.number().int(),
});

export const orderDto = z
  .object({
    id: z.string(),
    number: z.number().int(),
    kind: z.enum(ORDER_KINDS),
    state: z.string(),
    subscriptionId: z.string().nullable(),
    cycleIndex: z.number().int().nullable(),
    currency: z.string(),
    totalMinor: z.number().int(),
    flags: z.array(z.string()),
    scheduledFor: instant.nullable(),
    createdAt: instant,
    lines: z.array(orderLineDto),
  })
  .register(responseSchemas, { id: "Order" });

export const activityDto = z
  .object({
    id: z.number().int(),
    at: instant,
    action: z.string(),
    fromState: z.string().nullable(),
    toState: z.string().nullable(),
    actor: z.object({ type: z.string(), id: z.string().nullable(), email: z.string().nullable() }),
    data: z.record(z.string(), z.unknown()).nullable(),
  })
  .register(responseSchemas, { id: "ActivityEntry" });

export const subscriptionDetailDto = z
  .object({
    subscription: subscriptionDto,
    upcoming: z.array(upcomingCycleDto),
    orders: z.array(orderDto),
    activity: z.array(activityDto),
  })
  .register(responseSchemas, { id: "SubscriptionDetail" });

export const notificationDto = z
  .object({
    id: z.string(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    readAt: instant.nullable(),
    createdAt: instant,
  })
  .register(responseSchemas, { id: "Notification" });

export const suggestionDto = z
  .object({ frequency: z.enum(FREQUENCIES).nullable(), basedOnOrders: z.number().int() })
  .register(responseSchemas, { id: "FrequencySuggestion" });

export const apiTokenDto = z
  .object({ id: z.string(), name: z.string(), createdAt: instant, lastUsedAt: instant.nullable() })
  .register(responseSchemas, { id: "ApiToken" });

export type OccurrenceDto = z.infer<typeof occurrenceDto>;
export type SchedulePreviewDto = z.infer<typeof schedulePreviewDto>;
export type ProductDto = z.infer<typeof productDto>;
export type SubscriptionDto = z.infer<typeof subscriptionDto>;
export type UpcomingCycleDto = z.infer<typeof upcomingCycleDto>;
export type CycleAddonDto = z.infer<typeof cycleAddonDto>;
export type OrderDto = z.infer<typeof orderDto>;
export type ActivityDto = z.infer<typeof activityDto>;
export type SubscriptionDetailDto = z.infer<typeof subscriptionDetailDto>;
export type NotificationDto = z.infer<typeof notificationDto>;
export type SuggestionDto = z.infer<typeof suggestionDto>;
export type ApiTokenDto = z.infer<typeof apiTokenDto>;
