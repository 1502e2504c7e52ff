/**
 * JSON.parse turns Shopify's order id 820982911946154508 into 820982911946154500: every
 * integer above 2^53 is rounded to the nearest double. Node 20 has no reviver access to the
 * source text, so a single pre-pass rewrites over-long number literals as JSON strings
 * before parsing. It walks the text token-aware: digits inside strings are copied untouched.
 */

/** Longest digit run a double holds exactly for every value (10^15 < 2^53 < 10^16). */
const MAX_EXACT_DIGITS = 15;

// A JSON number token, anchored at the scan position (sticky).
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Quotes number literals with more than 15 significant digits (integers and decimals alike,
 * so a 17-digit price reaches parseMoney as exact text rather than a rounded double).
 * Literals with an exponent are left alone. Invalid JSON passes through for JSON.parse to reject.
 */
export function quoteUnsafeNumbers(text: string): string {
  let out = "";
  let copiedUpTo = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      i = skipString(text, i);
      continue;
    }
    if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      if (!match) {
        i += 1;
        continue;
      }
      const literal = match[0];
      if (!/[eE]/.test(literal) && significantDigits(literal) > MAX_EXACT_DIGITS) {
        out += `${text.slice(copiedUpTo, i)}"${literal}"`;
        copiedUpTo = i + literal.length;
      }
      i += literal.length;
      continue;
    }
    i += 1;
  }
  return out + text.slice(copiedUpTo);
}

// Returns the index just past the closing quote (or the end of text if unterminated).
function skipString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "\\")
      i += 2; // skip the escaped character, which may be a quote
    else if (ch === '"') return i + 1;
    else i += 1;
  }
  return i;
}

function significantDigits(literal: string): number {
  return literal.replace(/[-.]/g, "").replace(/^0+/, "").length;
}

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; message: string };

/** Parses webhook bodies; over-long numbers arrive as strings holding their exact digits. */
export function parseLosslessJson(text: string): JsonParseResult {
  try {
    const value: unknown = JSON.parse(quoteUnsafeNumbers(text));
    return { ok: true, value };
  } catch (error) {
    // JSON.parse throws SyntaxError only; turn it into data like every other bad input.
    return { ok: false, message: `Body is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}
