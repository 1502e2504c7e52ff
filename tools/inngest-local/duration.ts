/**
 * Time handling for the wire formats the SDK emits: Inngest "time strings"
 * (`"1d2h30m10s"`, produced by the SDK's `timeStr`), ISO dates (`sleepUntil`,
 * `RetryAfterError(date)`) and `Retry-After` seconds.
 */

const unitMs: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const part = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d|w)/y;

/** Parses an Inngest time string; returns undefined if it is not one. */
export function parseTimeString(input: string): number | undefined {
  const text = input.trim();
  if (text === "") return undefined;
  let total = 0;
  part.lastIndex = 0;
  while (part.lastIndex < text.length) {
    const start = part.lastIndex;
    const match = part.exec(text);
    if (!match || match.index !== start) return undefined;
    const [, amount, unit] = match;
    total += Number(amount) * (unitMs[unit ?? ""] ?? NaN);
  }
  return Number.isFinite(total) ? total : undefined;
}

/**
 * Resolves a sleep/timeout target to an absolute epoch-ms. The SDK sends
 * `step.sleep` as a time string and `step.sleepUntil` as an ISO date, both in
 * the op's `name`.
 */
export function resolveDueAt(value: string, now: number): number {
  const relative = parseTimeString(value);
  if (relative !== undefined) return now + relative;
  const absolute = Date.parse(value);
  if (Number.isFinite(absolute)) return absolute;
  throw new Error(`Unrecognised duration or date "${value}"`);
}

/** `Retry-After` is either whole seconds or a date (the SDK uses ISO dates). */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1_000;
  const at = Date.parse(trimmed);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}
