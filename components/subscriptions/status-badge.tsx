import type { SubscriptionDto } from "@/server/subscriptions/subscription-dto.schema";
import { STATUS_LABELS } from "./format";

const STYLES: Record<SubscriptionDto["status"], string> = {
  active: "bg-brand-100 text-brand-700",
  paused: "bg-amber-100 text-amber-800",
  cancelled: "bg-slate-200 text-slate-700",
  completed: "bg-sky-100 text-sky-800",
};

export function StatusBadge({ status }: { status: SubscriptionDto["status"] }) {
  return (
    <span data-testid="status-badge" className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ${STYLES[status]}`}>
      {STATUS_LABELS[status]}
    </span>
  );
}

/** One line about what happens next: "Next delivery Sun, Feb 28, 2027", "Paused until …". */
export function nextLine(s: SubscriptionDto, formatDay: (d: string) => string): string {
  switch (s.status) {
    case "active":
      return s.next ? `Next delivery ${formatDay(s.next.localDate)}` : "No upcoming deliveries";
    case "paused":
      return s.pausedUntil ? `Paused until ${formatDay(s.pausedUntil)}` : "Paused until you resume";
    case "cancelled":
      return "Cancelled — no further orders";
    case "completed":
      return "Completed — all deliveries made";
  }
}
