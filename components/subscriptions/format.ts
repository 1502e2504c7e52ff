/** Display helpers for the customer portal. Pure; local dates never go through the browser's zone. */
import { FREQUENCY_LABELS, type Frequency } from "@/server/schedule/frequencies";
import type { SubscriptionDto } from "@/server/subscriptions/subscription-dto.schema";

const dayFormat = new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** "2027-02-28" → "Sun, Feb 28, 2027". Formatted in UTC so the date itself never shifts. */
export function formatLocalDay(localDate: string): string {
  const [y, m, d] = localDate.split("-").map(Number);
  if (!y || !m || !d) return localDate;
  return dayFormat.format(new Date(Date.UTC(y, m - 1, d)));
}

/** "09:00" → "9:00 AM". */
export function formatLocalTime(localTime: string): string {
  const [h = 0, min = 0] = localTime.split(":").map(Number);
  return new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone: "UTC" }).format(new Date(Date.UTC(2000, 0, 1, h, min)));
}

export function frequencyLabel(frequency: Frequency): string {
  return FREQUENCY_LABELS[frequency];
}

export function endLabel(end: SubscriptionDto["end"]): string {
  switch (end.kind) {
    case "until_cancelled":
      return "Until you cancel";
    case "after_cycles":
      return `After ${end.cycles} ${end.cycles === 1 ? "delivery" : "deliveries"}`;
    case "on_date":
      return end.endDate ? `Ends ${formatLocalDay(end.endDate)}` : "Ends on a date";
  }
}

export const STATUS_LABELS: Record<SubscriptionDto["status"], string> = {
  active: "Active",
  paused: "Paused",
  cancelled: "Cancelled",
  completed: "Completed",
};

/** Activity rows in words: "Paused", "Quantity changed 2 → 5", … */
export function describeActivity(action: string, data: Record<string, unknown> | null): string {
  const d = data ?? {};
  const date = (v: unknown) => (typeof v === "string" ? formatLocalDay(v) : "");
  switch (action) {
    case "created":
      return "Subscription created and confirmed";
    case "paused":
      return d.until ? `Paused until ${date(d.until)}` : "Paused";
    case "resumed":
      return "Resumed";
    case "skipped":
      return `Skipped the delivery of ${date(d.localDate)}`;
    case "unskipped":
      return `Restored the delivery of ${date(d.localDate)}`;
    case "rescheduled":
      return `Moved a delivery from ${date(d.from)} to ${date(d.to)}`;
    case "order_now":
      return "Ordered an extra delivery now";
    case "quantity_changed":
      return `Quantity changed ${String(d.from)} → ${String(d.to)}`;
    case "frequency_changed":
      return `Frequency changed ${frequencyLabel(d.from as Frequency)} → ${frequencyLabel(d.to as Frequency)}`;
    case "cancelled":
      return d.reason ? `Cancelled (“${String(d.reason)}”)` : "Cancelled";
    case "address_changed":
      return "Address changed for this and all future deliveries";
    case "delivery_address_set":
      return `The delivery of ${date(d.localDate)} goes to another address`;
    case "delivery_address_removed":
      return "A delivery goes to the subscription's address again";
    case "cycle_generated":
      return "Order created for a delivery";
    case "cycle_skipped":
      return "Skipped delivery passed";
    case "cycles_missed":
      return "Deliveries missed";
    case "completed":
      return "Completed — no deliveries left";
    default:
      return action.replaceAll("_", " ");
  }
}
