import type { OrderAddress } from "@/db/schema";
import { type ActionResult, fail, ok } from "./action-result";

/**
 * The export check for international orders (domestic ones pass untouched). Fails, with a
 * reason a reviewer can act on, when the destination is blocked, the address lacks what a
 * customs declaration needs, or a line has no declared value. Not retryable: the same data
 * gives the same answer, so the default workflow routes the order to manual review.
 */
export function taxCustomsCheck(input: {
  address: OrderAddress | null; homeCountry: string; blockedCountries: readonly string[];
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
