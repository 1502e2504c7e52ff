import { canonicalOrderSchema, type CanonicalOrderInput } from "./canonical-order";
import type { IntakeError, ParseResult } from "./channel-adapter";
import { checkTotals } from "./check-totals";
import type { MappingContext } from "./mapping-context";
import { mergeDuplicateLines } from "./merge-lines";
import { zodIssuesToErrors } from "./zod-issues";

/**
 * The shared tail of every adapter: validate the mapped draft against the canonical schema,
 * then apply the order-level quirks (merge duplicate lines, flag totals) as notes.
 * Validation runs *before* merging so that "lines[i]" in errors is the channel's own line order.
 */
export function finalizeOrder(draft: CanonicalOrderInput, ctx: MappingContext): ParseResult {
  const validated = canonicalOrderSchema.safeParse(draft);
  const schemaErrors = validated.success ? [] : zodIssuesToErrors(validated.error.issues);
  // The mapper's message is the more specific one; drop schema errors on paths it already covers.
  const errors: IntakeError[] = [...ctx.errors, ...schemaErrors.filter((e) => !ctx.errors.some((known) => covers(known.path, e.path)))];
  if (errors.length > 0 || !validated.success) return { ok: false, errors };

  const order = validated.data;
  const merged = mergeDuplicateLines(order.lines);
  const result = { ...order, lines: merged.lines };
  const totals = checkTotals(result, "lenient");
  return { ok: true, order: { ...result, notes: [...order.notes, ...ctx.notes, ...merged.notes, ...totals.notes] } };
}

function covers(known: string, path: string): boolean {
  return path === known || path.startsWith(`${known}.`) || path.startsWith(`${known}[`);
}
