/**
 * Small readers for loosely-typed channel values. Channels send ids as numbers or (after
 * parseLosslessJson) digit strings, and "" or null for "not set"; these fold both to undefined.
 */

/** A channel id as text: integers and non-empty strings; 0 means "none" (WooCommerce variation_id). */
export function idText(value: unknown): string | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) && value !== 0 ? String(value) : undefined;
  if (typeof value === "string") {
    const text = value.trim();
    return text === "" || text === "0" ? undefined : text;
  }
  return undefined;
}

/** Trimmed text, or undefined for null/undefined/blank. */
export function optionalText(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  return text === "" ? undefined : text;
}

/** "Jane" + "Doe" → "Jane Doe"; undefined when both parts are blank. */
export function joinName(...parts: unknown[]): string | undefined {
  const present = parts.map(optionalText).filter((part): part is string => part !== undefined);
  return present.length > 0 ? present.join(" ") : undefined;
}

/** The first value that is present, for "order.email ?? customer.email" style fallbacks. */
export function firstText(...values: unknown[]): string | undefined {
  for (const value of values) {
    const text = optionalText(value);
    if (text !== undefined) return text;
  }
  return undefined;
}
