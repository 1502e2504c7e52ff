import "server-only";
import type { Database } from "@/db/client";
import { loadEnrollmentsForForecast, loadForecastCatalog, streamSubscriptions } from "./load-book";
import { enrollmentInSegment, subscriptionInSegment, type BookEnrollment, type BookSubscription, type ForecastCatalog, type Segment } from "./model";

export type BookChunk = { subscriptions: readonly BookSubscription[]; enrollments: readonly BookEnrollment[] };

/**
 * Reads the book once — catalog and active enrollments, then subscriptions streamed in chunks —
 * and hands each chunk to `visit` with the catalog. No per-subscription query; nothing written.
 */
export async function scanBook(
  db: Database,
  segment: Segment,
  visit: (chunk: BookChunk, catalog: ForecastCatalog) => void,
  onCatalog?: (catalog: ForecastCatalog) => void,
): Promise<ForecastCatalog> {
  const enrollments = (await loadEnrollmentsForForecast(db)).filter((e) => enrollmentInSegment(e, segment));
  const catalog = await loadForecastCatalog(db, enrollments);
  onCatalog?.(catalog);
  visit({ subscriptions: [], enrollments }, catalog);
  for await (const subscriptions of streamSubscriptions(db, segment)) {
    visit({ subscriptions: subscriptions.filter((s) => subscriptionInSegment(s, segment)), enrollments: [] }, catalog);
  }
  return catalog;
}
