import { ZodError } from "zod";
import { pgError } from "@/db/pg-error";
import { AppError, type FieldErrors } from "./app-error";
import { loggableError } from "./loggable-error";

export type ErrorBody = { error: { code: string; message: string; fields?: FieldErrors } };

/** zod issues → { "lines.0.sku": "Required" }, the shape forms and API clients read. */
export function zodFieldErrors(error: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

/**
 * Maps any thrown value to a status and a body that is safe to send. Unknown errors are
 * logged server-side and become a generic 500: never a stack or a raw e.message.
 */
export function toErrorResponse(e: unknown): { status: number; body: ErrorBody; headers?: Record<string, string> } {
  if (e instanceof AppError) {
    const headers = e.retryAfterSeconds === undefined ? undefined : { "Retry-After": String(e.retryAfterSeconds) };
    return { status: e.status, body: { error: { code: e.code, message: e.userMessage, fields: e.fields } }, headers };
  }
  if (e instanceof ZodError) {
    return {
      status: 422,
      body: { error: { code: "VALIDATION", message: "Please correct the highlighted fields", fields: zodFieldErrors(e) } },
    };
  }
  // Safety net for input no schema caught: PostgreSQL refused a value, the statement (and its
  // transaction) rolled back, so nothing was written — that is the client's 422, not our 500.
  const refused = refusedValue(e);
  if (refused) return { status: 422, body: { error: { code: "VALIDATION", message: refused, fields: { _: refused } } } };
  console.error("[replen] unexpected error", loggableError(e));
  return { status: 500, body: { error: { code: "INTERNAL", message: "Something went wrong. Please try again." } } };
}

/** PostgreSQL's data exceptions that only bad input causes, as a message for the client. */
const REFUSED: Record<string, string> = {
  "22021": "Text contains a character that cannot be stored (such as NUL)",
  "22P05": "Text contains a character that cannot be stored (such as NUL)",
  "22008": "A date or time is out of range",
  "22007": "A date or time is not valid",
  "22003": "A number is out of range",
  "22P02": "A value has the wrong format",
  // program_limit_exceeded: e.g. a value too long for its index (an 8 kB index row).
  "54000": "A value is too long",
};

function refusedValue(e: unknown): string | null {
  const code = pgError(e)?.code;
  return code ? (REFUSED[code] ?? null) : null;
}
