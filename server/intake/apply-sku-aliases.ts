import type { CanonicalOrder } from "./adapters/canonical-order";
import { mergeDuplicateLines } from "./adapters/merge-lines";
import type { StoredCanonical } from "./intake-status";

/**
 * Mapping rule "SKU alias" (docs/intake-governance.md): on a channel, SKU `from` means our
 * product `to`. Applied to every new and replayed payload before validation. Lines that end
 * up with the same SKU and unit price are merged again (the adapter's duplicate-line rule),
 * and each substitution is recorded so the stored canonical order shows what was mapped.
 */
export function applySkuAliases(order: CanonicalOrder, aliases: ReadonlyMap<string, string>): StoredCanonical {
  if (aliases.size === 0) return order;
  const applied: Array<{ line: number; from: string; to: string }> = [];
  const lines = order.lines.map((line, i) => {
    const to = aliases.get(line.sku);
    if (to === undefined || to === line.sku) return line;
    applied.push({ line: i, from: line.sku, to });
    return { ...line, sku: to };
  });
  if (applied.length === 0) return order;
  const merged = mergeDuplicateLines(lines);
  const notes = [
    ...order.notes,
    ...applied.map((a) => `sku_alias: lines[${a.line}] ${a.from} → ${a.to}`),
    ...merged.notes.filter((n) => !order.notes.includes(n)),
  ];
  return { ...order, lines: merged.lines, notes, aliases: applied };
}
