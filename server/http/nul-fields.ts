import type { FieldErrors } from "../errors/app-error";

const NUL_MESSAGE = "Contains a character that is not allowed (NUL)";

/**
 * Where a parsed JSON body or query holds a NUL character (U+0000), by field path. PostgreSQL
 * text cannot store NUL and refuses the whole statement; checked at the edge, the client gets
 * the field it must fix instead of a generic refusal (and no query is even tried). Keys count:
 * a NUL in a key of a free-form object (e.g. `data`) would reach jsonb just the same.
 */
export function nulFieldErrors(raw: unknown): FieldErrors | null {
  const fields: FieldErrors = {};
  const walk = (value: unknown, path: string) => {
    if (typeof value === "string") {
      if (value.includes("\u0000")) fields[path || "_"] ??= NUL_MESSAGE;
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, path ? `${path}.${i}` : String(i)));
    } else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        const at = path ? `${path}.${k.replaceAll("\u0000", "")}` : k.replaceAll("\u0000", "");
        if (k.includes("\u0000")) fields[at || "_"] ??= NUL_MESSAGE;
        walk(v, at);
      }
    }
  };
  walk(raw, "");
  return Object.keys(fields).length > 0 ? fields : null;
}
