import type { Frequency } from "@/server/schedule";
import type { BookEnrollment, BookSubscription } from "./book";
import type { ForecastOrder } from "./forecast-order";

/** Which part of the book a time-travel or forecast looks at; every given field must match. */
export interface Segment {
  customerId?: string;
  subscriptionId?: string;
  /** The product ordered (for programs: the item that ships). */
  productId?: string;
  frequency?: Frequency;
  timeZone?: string;
  programId?: string;
  /** Program revision (the "program version" an enrollment follows). */
  revision?: number;
}

export function subscriptionInSegment(s: BookSubscription, seg: Segment): boolean {
  if (seg.programId !== undefined || seg.revision !== undefined) return false;
  return (
    (seg.customerId === undefined || s.customerId === seg.customerId) &&
    (seg.subscriptionId === undefined || s.id === seg.subscriptionId) &&
    (seg.frequency === undefined || s.frequency === seg.frequency) &&
    (seg.timeZone === undefined || s.timeZone === seg.timeZone)
  );
}

export function enrollmentInSegment(e: BookEnrollment, seg: Segment): boolean {
  return (
    (seg.customerId === undefined || e.customerId === seg.customerId) &&
    (seg.subscriptionId === undefined || e.subscriptionId === seg.subscriptionId) &&
    (seg.frequency === undefined || e.clock.frequency === seg.frequency) &&
    (seg.timeZone === undefined || e.clock.timeZone === seg.timeZone) &&
    (seg.programId === undefined || e.programId === seg.programId) &&
    (seg.revision === undefined || e.revision === seg.revision)
  );
}

export function orderInSegment(o: ForecastOrder, seg: Segment): boolean {
  return seg.productId === undefined || o.productId === seg.productId || (o.addons ?? []).some((a) => a.productId === seg.productId);
}
