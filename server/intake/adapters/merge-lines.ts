import type { CanonicalLine } from "./canonical-order";

/**
 * Rule (docs/intake.md, "Duplicate lines"): lines with the same SKU *and* unit price become one
 * line — quantities, discounts and taxes summed, first line's name and position kept — because
 * fulfilment and subscriptions count units per SKU. Shopify's own sample order repeats a line
 * this way. Same SKU at different unit prices (a free gift, a price change) is kept apart so no
 * amount is invented; a note flags it. Runs after SKU fallback, so "variant:<id>" lines merge too.
 */
export function mergeDuplicateLines(lines: readonly CanonicalLine[]): { lines: CanonicalLine[]; notes: string[] } {
  const merged: CanonicalLine[] = [];
  const sources: number[] = [];
  const byKey = new Map<string, number>();
  for (const line of lines) {
    const key = `${line.sku}\u0000${line.unitPriceMinor}`;
    const index = byKey.get(key);
    const target = index === undefined ? undefined : merged[index];
    if (index === undefined || target === undefined) {
      byKey.set(key, merged.length);
      merged.push({ ...line });
      sources.push(1);
      continue;
    }
    target.quantity += line.quantity;
    target.discountMinor += line.discountMinor;
    target.taxMinor += line.taxMinor;
    sources[index] = (sources[index] ?? 1) + 1;
  }

  const notes: string[] = [];
  merged.forEach((line, i) => {
    const count = sources[i] ?? 1;
    if (count > 1) notes.push(`merged_lines: ${count} lines of ${line.sku} merged into one with quantity ${line.quantity}`);
  });
  const seen = new Map<string, number>();
  for (const line of merged) seen.set(line.sku, (seen.get(line.sku) ?? 0) + 1);
  for (const [sku, count] of seen) {
    if (count > 1) notes.push(`duplicate_sku_not_merged: ${sku} appears on ${count} lines with different unit prices`);
  }
  return { lines: merged, notes };
}
