import type { z } from "zod";
import type { IntakeError } from "./channel-adapter";

/** ["lines", 2, "sku"] → "lines[2].sku", the path style used in every IntakeError. */
export function formatIssuePath(path: readonly PropertyKey[], prefix = ""): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** One IntakeError per zod issue; `prefix` (a channel name) marks paths into that channel's payload. */
export function zodIssuesToErrors(issues: readonly z.core.$ZodIssue[], prefix = ""): IntakeError[] {
  return issues.map((issue) => ({ path: formatIssuePath(issue.path, prefix), message: issue.message }));
}
