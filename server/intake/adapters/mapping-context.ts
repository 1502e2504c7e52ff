import type { IntakeError } from "./channel-adapter";
import { formatMinor, parseMoney, type Rounding } from "./money";

/**
 * Collects errors and notes while one channel payload is mapped. Readers record a problem and
 * return a placeholder (0n) so mapping continues and the sender learns about every problem in
 * one response; any recorded error makes the final result `ok: false`, so placeholders never leak.
 */
export interface MappingContext {
  readonly currency: string;
  readonly errors: IntakeError[];
  readonly notes: string[];
  error(path: string, message: string): void;
  /** Notes are "code: detail" so consumers can match on the code prefix. */
  note(code: string, detail: string): void;
  /**
   * A required amount in minor units; missing or malformed → error at the canonical `path`,
   * with `source` (the channel's field, e.g. "tax_lines[1].price") leading the message.
   */
  money(path: string, value: unknown, source?: string): bigint;
  /** Like `money`, but null/undefined/"" mean zero (channels omit empty discounts). */
  optionalMoney(path: string, value: unknown, source?: string): bigint;
}

export function createMappingContext(currency: string, rounding: Rounding = "reject"): MappingContext {
  const errors: IntakeError[] = [];
  const notes: string[] = [];
  const money = (path: string, value: unknown, source?: string): bigint => {
    const fail = (message: string) => {
      errors.push({ path, message: source === undefined ? message : `${source}: ${message}` });
      return 0n;
    };
    const parsed = parseMoney(value, currency, rounding);
    if (!parsed.ok) return fail(parsed.message);
    if (parsed.minor < 0n) return fail("Amount must not be negative");
    const where = source ?? path;
    if (parsed.rounded) notes.push(`amount_rounded: ${where} ${String(value)} → ${formatMinor(parsed.minor, currency)}`);
    return parsed.minor;
  };
  return {
    currency,
    errors,
    notes,
    error: (path, message) => errors.push({ path, message }),
    note: (code, detail) => notes.push(`${code}: ${detail}`),
    money,
    optionalMoney: (path, value, source) => (value === null || value === undefined || value === "" ? 0n : money(path, value, source)),
  };
}
