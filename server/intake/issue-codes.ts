import type { IntakeError } from "./adapters/channel-adapter";
import type { TotalsIssue } from "./adapters/check-totals";
import type { IntakeIssue, IntakeReason } from "./intake-status";

/**
 * The adapters report problems as { path, message }; governance needs a code to group dead
 * letters by reason and count them. Path "" is the body itself (not JSON); a message saying
 * something is missing is a completeness failure; anything else is a malformed value.
 */
export function classifyAdapterError(error: IntakeError): IntakeIssue {
  return { ...error, code: adapterErrorCode(error) };
}

function adapterErrorCode({ path, message }: IntakeError): IntakeReason {
  if (path === "") return "malformed_body";
  if (/\b(missing|required)\b/i.test(message) || /\bhas no lines\b/i.test(message)) return "missing_field";
  return "invalid_field";
}

export function totalsIssueToIssue(issue: TotalsIssue, message: string): IntakeIssue {
  return { path: issue.path, message, code: issue.code };
}

/** The primary reason of a list of issues: the first one's code (they are reported in order). */
export function primaryReason(issues: readonly IntakeIssue[]): IntakeReason | null {
  return issues[0]?.code ?? null;
}

/** { path: message } for the 422 body's `fields`, first message per path ("_" for the body). */
export function issuesToFields(issues: readonly IntakeIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[issue.path || "_"] ??= issue.message;
  return fields;
}
