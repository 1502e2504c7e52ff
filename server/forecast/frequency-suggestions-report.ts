import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { Frequency, LocalDate } from "@/server/schedule";
import { frequencyEvidence, type FrequencyEvidence } from "./model";

/** The per-customer suggestion reads at most this many orders per product (suggestFrequencyFor). */
const ORDERS_PER_SUGGESTION = 500;
const MAX_ROWS = 1000;

export interface FrequencySuggestionRow extends FrequencyEvidence {
  subscriptionId: string;
  customerId: string;
  customerEmail: string;
  productId: string;
  sku: string;
  productName: string;
  frequency: Frequency;
}

/**
 * Customers whose actual reorder rhythm differs from their subscription's frequency: for every
 * active (non-program) subscription, the customer's one-off and intake orders of the same
 * product — the orders the portal's suggestion (server/subscriptions/suggest-frequency-for)
 * reads, dated in the customer's zone — go through the same suggestFrequency; rows whose
 * suggestion differs are reported with the order days and the median gap as evidence.
 * One statement for the whole book.
 */
export async function frequencySuggestionsReport(db: Database): Promise<FrequencySuggestionRow[]> {
  const rows = await db.execute<{
    subscriptionId: string;
    customerId: string;
    customerEmail: string;
    productId: string;
    sku: string;
    productName: string;
    frequency: Frequency;
    days: LocalDate[];
  }>(sql`
    WITH history AS (
      SELECT o.customer_id, l.product_id, (o.created_at AT TIME ZONE c.time_zone)::date::text AS day,
             row_number() OVER (PARTITION BY o.customer_id, l.product_id ORDER BY o.created_at DESC) AS n
      FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN customers c ON c.id = o.customer_id
      WHERE o.subscription_id IS NULL AND o.kind IN ('one_off', 'intake')
    )
    SELECT s.id AS "subscriptionId", s.customer_id AS "customerId", c.email AS "customerEmail", s.product_id AS "productId",
           p.sku, p.name AS "productName", s.frequency::text AS frequency, array_agg(h.day ORDER BY h.day) AS days
    FROM subscriptions s JOIN customers c ON c.id = s.customer_id JOIN products p ON p.id = s.product_id
    JOIN history h ON h.customer_id = s.customer_id AND h.product_id = s.product_id AND h.n <= ${ORDERS_PER_SUGGESTION}
    WHERE s.status = 'active' AND p.kind = 'standard'
    GROUP BY s.id, c.email, p.sku, p.name
    HAVING count(DISTINCT h.day) >= 2`);
  const report: FrequencySuggestionRow[] = [];
  for (const { days, ...r } of rows) {
    const evidence = frequencyEvidence(days);
    if (evidence.suggested !== null && evidence.suggested !== r.frequency) report.push({ ...r, ...evidence });
    if (report.length >= MAX_ROWS) break;
  }
  return report.sort((a, b) => a.customerEmail.localeCompare(b.customerEmail) || a.sku.localeCompare(b.sku));
}
