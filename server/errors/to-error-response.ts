import { ZodError } from "zod";
import { AppError, type FieldErrors } from "./app-error";

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
export function toErrorResponse(e: unknown): { status: number; body: ErrorBody } {
  if (e instanceof AppError) {
    return { status: e.status, body: { error: { code: e.code, message: e.userMessage, fields: e.fields } } };
  }
  if (e instanceof ZodError) {
    return {
      status: 422,
      body: { error: { code: "VALIDATION", message: "Please correct the highlighted fields", fields: zodFieldErrors(e) } },
    };
  }
  console.error("[replen] unexpected error", e);
  return { status: 500, body: { error: { code: "INTERNAL", message: "Something went wrong. Please try again." } } };
}
