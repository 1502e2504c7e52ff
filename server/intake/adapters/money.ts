/**
 * Decimal amounts → integer minor units using string and BigInt arithmetic only. Floats are
 * never involved: 1.015 * 100 is 101.49999999999999 in IEEE 754, which is how a cent goes missing.
 */

// ISO 4217 minor-unit exponents that differ from the usual 2.
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

export function currencyExponent(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2;
}

/**
 * "reject": more significant decimals than the currency has is an error (trailing zeros are
 * fine, so BigCommerce's "45.0000" is 4500 cents). "half-even": round, for channels whose
 * amounts are legitimately more precise than the currency (BigCommerce ex-tax prices).
 */
export type Rounding = "reject" | "half-even";

export type MoneyResult = { ok: true; minor: bigint; rounded: boolean } | { ok: false; message: string };

// Plain decimals only. No thousands separators: "1,234" is 1234 in en-US and 1.234 in de-DE.
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Accepts decimal strings and JSON numbers; the number's shortest round-trip form is used. */
export function parseMoney(value: unknown, currency: string, rounding: Rounding = "reject"): MoneyResult {
  let text: string;
  if (typeof value === "string") text = value.trim();
  else if (typeof value === "number") {
    if (!Number.isFinite(value)) return { ok: false, message: "Amount must be a finite number" };
    text = String(value); // e.g. 19.99 → "19.99": exactly the literal the sender wrote
  } else return { ok: false, message: "Amount is missing" };

  const match = DECIMAL.exec(text);
  if (!match) return { ok: false, message: `"${text}" is not a plain decimal amount (like 19.99)` };
  const [, sign = "", whole = "0", fraction = ""] = match;
  const exponent = currencyExponent(currency);
  const kept = fraction.slice(0, exponent).padEnd(exponent, "0");
  const dropped = fraction.slice(exponent);

  let minor = BigInt(whole + kept);
  let rounded = false;
  if (/[1-9]/.test(dropped)) {
    if (rounding === "reject") {
      return { ok: false, message: `"${text}" has more than ${exponent} decimal place(s), the maximum for ${currency}` };
    }
    minor = roundHalfEvenByDigits(minor, dropped);
    rounded = true;
  }
  if (sign === "-") minor = -minor;
  if (minor > MAX_SAFE || minor < -MAX_SAFE) return { ok: false, message: `"${text}" is too large` };
  return { ok: true, minor, rounded };
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

// `kept` is non-negative; `dropped` are the discarded digits (non-empty, not all zero).
function roundHalfEvenByDigits(kept: bigint, dropped: string): bigint {
  const first = dropped.charCodeAt(0) - 48;
  const restNonZero = /[1-9]/.test(dropped.slice(1));
  if (first > 5 || (first === 5 && restNonZero)) return kept + 1n;
  if (first < 5) return kept;
  return kept % 2n === 0n ? kept : kept + 1n; // exactly half: go to the even neighbour
}

/** numerator / denominator rounded half-to-even, for unit prices derived from line totals. */
export function divideHalfEven(numerator: bigint, denominator: bigint): { quotient: bigint; exact: boolean } {
  if (denominator <= 0n || numerator < 0n) throw new RangeError("divideHalfEven expects n ≥ 0 and d > 0");
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  if (remainder === 0n) return { quotient, exact: true };
  const twice = remainder * 2n;
  if (twice > denominator || (twice === denominator && quotient % 2n !== 0n)) return { quotient: quotient + 1n, exact: false };
  return { quotient, exact: false };
}

/** 4235n, "USD" → "42.35"; for notes and messages, never for arithmetic. */
export function formatMinor(minor: bigint | number, currency: string): string {
  const value = BigInt(minor);
  const exponent = currencyExponent(currency);
  const digits = (value < 0n ? -value : value).toString().padStart(exponent + 1, "0");
  const sign = value < 0n ? "-" : "";
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
