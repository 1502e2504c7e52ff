import type { FieldErrors } from "../errors/app-error";

const MESSAGE = "Contains a character that is not allowed (NUL or a broken Unicode character)";
// NUL, or a UTF-16 surrogate without its partner (JSON can carry "\ud800"; it is no character).
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Where a parsed JSON body or query holds text PostgreSQL cannot store, by field path: NUL
 * (text refuses it) and lone surrogates (jsonb refuses "\ud800", e.g. in an audit row). Left
 * to the database, the whole statement fails with no field named; checked at the edge, the
 * client learns which field to fix and no query is tried. Keys count too: a free-form object
 * (e.g. an event's `data`) reaches jsonb with its keys.
 */
export function unstorableTextFields(raw: unknown): FieldErrors | null {
  const fields: FieldErrors = {};
  const walk = (value: unknown, path: string) => {
    if (typeof value === "string") {
      if (UNSTORABLE.test(value)) fields[path || "_"] ??= MESSAGE;
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, path ? `${path}.${i}` : String(i)));
    } else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        const at = path ? `${path}.${k}` : k;
        if (UNSTORABLE.test(k)) fields[at || "_"] ??= MESSAGE;
        walk(v, at);
      }
    }
  };
  walk(raw, "");
  return Object.keys(fields).length > 0 ? fields : null;
}
