import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { OrderAddress } from "@/db/schema";
import { type ActionResult, fail, ok } from "./action-result";

/**
 * The export check for international orders (domestic ones pass untouched). Fails, with a
 * reason a reviewer can act on, when the destination is blocked, the address lacks what a
 * customs declaration needs, or a line has no declared value. Not retryable: the same data
 * gives the same answer, so the default workflow routes the order to manual review.
 */
export function taxCustomsCheck(input: {
  address: OrderAddress | null;
  homeCountry: string;
  blockedCountries: readonly string[];
  lines: ReadonlyArray<{ sku: string; unitPriceMinor: number }>;
}): ActionResult {
  const country = input.address?.country?.toUpperCase();
  if (!country || country === input.homeCountry.toUpperCase()) return ok({ international: false });
  if (input.blockedCountries.includes(country)) return fail(`destination_blocked:${country}`, false);
  if (!input.address?.name?.trim() || !input.address.city?.trim()) return fail("customs_address_incomplete", false);
  const undeclared = input.lines.find((l) => l.unitPriceMinor <= 0);
  if (undeclared) return fail(`customs_value_missing:${undeclared.sku}`, false);
  return ok({ international: true, country });
}

/** taxCustomsCheck for many orders, their addresses and lines read in one query. */
export async function taxCustomsChecks(
  db: DbOrTx,
  orderIds: readonly string[],
  settings: { homeCountry: string; blockedCountries: readonly string[] },
): Promise<Map<string, ActionResult>> {
  const rows = await db.execute<{ id: string; address: OrderAddress | null; lines: Array<{ sku: string; unitPriceMinor: number }> }>(sql`
    SELECT o.id::text, o.shipping_address AS address,
      coalesce((SELECT json_agg(json_build_object('sku', l.sku, 'unitPriceMinor', l.unit_price_minor) ORDER BY l.id)
                FROM order_lines l WHERE l.order_id = o.id), '[]'::json) AS lines
    FROM orders o WHERE o.id = ANY(${`{${orderIds.join(",")}}`}::uuid[])`);
  return new Map(
    rows.map((r) => [
      r.id,
      taxCustomsCheck({
        address: r.address,
        homeCountry: settings.homeCountry,
        blockedCountries: settings.blockedCountries,
        lines: r.lines,
      }),
    ]),
  );
}
