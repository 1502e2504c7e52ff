import type { CanonicalOrder } from "./canonical-order";
import type { IntakeError } from "./channel-adapter";
import { formatMinor } from "./money";

export type TotalsIssue = {
  code: "subtotal_mismatch" | "totals_mismatch";
  path: "totals.subtotalMinor" | "totals.totalMinor";
  /** What the channel reported. */
  channelMinor: number;
  /** What the lines and the other totals add up to. */
  computedMinor: number;
  /** channelMinor − computedMinor: positive means the channel charges more than the parts. */
  differenceMinor: number;
};

export type TotalsCheck = {
  /** Always true in lenient mode; in strict mode, true only when there is no issue. */
  ok: boolean;
  issues: TotalsIssue[];
  /** Strict mode only: one error per issue, for rejecting the order. */
  errors: IntakeError[];
  /** One "code: detail" note per issue, for keeping the order but flagging it. */
  notes: string[];
};

/**
 * Rule (docs/intake.md, "Totals that don't add up"): the channel's total is what the customer
 * was charged, so it is never replaced. This only reports whether
 *   Σ(unit × qty) − discount + shipping + tax (tax omitted when taxesIncluded) = total
 * and whether Σ(unit × qty) = subtotal, exactly, in BigInt. Adapters call it leniently (notes);
 * the validation layer may call it strictly to reject.
 */
export function checkTotals(order: Pick<CanonicalOrder, "lines" | "totals" | "currency">, mode: "strict" | "lenient" = "lenient"): TotalsCheck {
  const { totals, currency } = order;
  const linesSubtotal = order.lines.reduce((sum, line) => sum + BigInt(line.unitPriceMinor) * BigInt(line.quantity), 0n);
  const tax = totals.taxesIncluded ? 0n : BigInt(totals.taxMinor);
  const computedTotal = linesSubtotal - BigInt(totals.discountMinor) + BigInt(totals.shippingMinor) + tax;

  const issues: TotalsIssue[] = [];
  const compare = (code: TotalsIssue["code"], path: TotalsIssue["path"], channel: number, computed: bigint) => {
    if (BigInt(channel) === computed) return;
    issues.push({ code, path, channelMinor: channel, computedMinor: Number(computed), differenceMinor: Number(BigInt(channel) - computed) });
  };
  compare("subtotal_mismatch", "totals.subtotalMinor", totals.subtotalMinor, linesSubtotal);
  compare("totals_mismatch", "totals.totalMinor", totals.totalMinor, computedTotal);

  const describe = (issue: TotalsIssue) =>
    `channel ${formatMinor(issue.channelMinor, currency)} vs computed ${formatMinor(issue.computedMinor, currency)} ` +
    `(difference ${issue.differenceMinor > 0 ? "+" : ""}${formatMinor(issue.differenceMinor, currency)} ${currency})`;
  const notes = issues.map((issue) => `${issue.code}: ${describe(issue)}`);
  const errors = mode === "strict" ? issues.map((issue) => ({ path: issue.path, message: `Totals do not add up: ${describe(issue)}` })) : [];
  return { ok: mode === "lenient" || issues.length === 0, issues, errors, notes };
}
