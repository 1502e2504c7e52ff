/**
 * The one error type domain code throws on purpose. `userMessage` is safe to show;
 * `fields` carries field-level reasons for forms and 422 responses. Anything else that
 * escapes is a bug and is reported as a generic message (see toErrorResponse).
 */
export const ERROR_CODES = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VALIDATION: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly fields?: FieldErrors;
  /** RATE_LIMITED: whole seconds until a retry can succeed (sent as `Retry-After`). */
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, userMessage: string, fields?: FieldErrors, opts: { retryAfterSeconds?: number } = {}) {
    super(userMessage);
    this.name = "AppError";
    this.code = code;
    this.userMessage = userMessage;
    this.fields = fields;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found`);
export const conflict = (message: string) => new AppError("CONFLICT", message);
export const invalid = (fields: FieldErrors, message = "Please correct the highlighted fields") => new AppError("VALIDATION", message, fields);

/** 429: too many attempts; `msBeforeNext` (the limiter's) becomes Retry-After, at least 1 s. */
export const rateLimited = (message: string, msBeforeNext: number) =>
  new AppError("RATE_LIMITED", message, undefined, { retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)) });

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
