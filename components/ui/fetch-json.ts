/** An API error as the server sends it (see server/errors/to-error-response.ts), plus the raw body. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> | undefined,
    /** The whole JSON body, for endpoints that add context to errors (e.g. publish's `problems`). */
    readonly body: unknown,
  ) {
    super(message);
  }
}

function readError(status: number, body: unknown): ApiError {
  const err = (body as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | null)?.error;
  const code = typeof err?.code === "string" ? err.code : `HTTP_${status}`;
  const message = typeof err?.message === "string" ? err.message : "Something went wrong. Please try again.";
  const fields = err?.fields && typeof err.fields === "object" ? (err.fields as Record<string, string>) : undefined;
  return new ApiError(status, code, message, fields, body);
}

/**
 * JSON fetch for client components talking to our own `/api/v1` routes with the session
 * cookie. Non-2xx answers throw an ApiError carrying the server's safe message.
 */
export async function fetchJson<T>(url: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const method = init.method ?? "GET";
  // The server refuses a cookie-authenticated mutation not declared JSON (CSRF, docs/security.md),
  // so every mutation says so, with a body or without.
  const json = init.body !== undefined || !["GET", "HEAD"].includes(method.toUpperCase());
  const res = await fetch(url, {
    method,
    headers: json ? { accept: "application/json", "content-type": "application/json" } : { accept: "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init.signal,
    cache: "no-store",
  });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (e.g. an HTML 404 while an endpoint is missing): fall through to the generic error.
  }
  if (!res.ok) throw readError(res.status, body);
  return body as T;
}
