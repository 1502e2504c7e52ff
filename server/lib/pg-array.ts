/**
 * A Postgres array literal (`{a,b,NULL}`) passed as ONE query parameter. Batches send their
 * rows column by column this way (`unnest($1::uuid[], $2::int[], …)`): drizzle would expand a JS
 * array into one parameter per element, and per-row JSON objects cost far more to build,
 * send and parse. Only for values that need no quoting — uuids, numbers, booleans, ISO
 * timestamps and plain identifiers — which is all generation sends; anything else throws.
 */
export function pgArray(values: readonly (string | number | boolean | null)[]): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) out += ",";
    if (v === null) out += "NULL";
    else if (typeof v === "string") {
      if (!SAFE.test(v)) throw new RangeError(`pgArray: value needs quoting: ${JSON.stringify(v)}`);
      out += v;
    } else out += String(v);
  }
  return out + "}";
}

// uuid, ISO-8601 timestamp, identifier: letters, digits, '-', ':', '.', '_', '+'; never NULL itself.
const SAFE = /^(?!null$)[\w\-:.+]+$/i;

/**
 * pgArray for values that may need quoting (channel SKUs and names, idempotency keys, JSON
 * text for `::jsonb[]`): every element is double-quoted with `\` and `"` escaped, which the
 * array parser reads back verbatim. Slower than pgArray, so only the columns that need it use it.
 */
export function pgQuotedArray(values: readonly (string | null)[]): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) out += ",";
    out += v === null || v === undefined ? "NULL" : `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  }
  return out + "}";
}
