/**
 * HTTP to a store's API with the failure handling every connector shares: a timeout per
 * attempt, retries with backoff on timeouts, network errors, 429 (honouring Retry-After) and
 * 5xx, and no retry on other 4xx (a wrong token or a missing order will not fix itself).
 * The final failure is a ChannelHttpError whose `reason` names the request and the store's
 * answer ("GET /v2/orders/7 answered HTTP 404 Not Found") — that is what a dead letter shows.
 * Never call this inside a database transaction (fetch first, then store).
 */
export class ChannelHttpError extends Error {
  constructor(
    readonly reason: string,
    readonly status: number | null,
  ) {
    super(reason);
    this.name = "ChannelHttpError";
  }
}

export type ChannelResponse = { status: number; headers: Headers; body: unknown; text: string };

export type HttpOptions = {
  timeoutMs: number;
  /** Total attempts, the first included. */
  attempts?: number;
  /** First backoff; doubles per retry. Retry-After (seconds) wins when the store sends it. */
  backoffMs?: number;
  /** Longest wait honoured from Retry-After; a longer one fails the request (the next run retries). */
  maxRetryAfterMs?: number;
};

export type ChannelRequest = { method?: "GET" | "POST"; url: string; headers?: Record<string, string>; body?: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function channelRequest(req: ChannelRequest, opts: HttpOptions): Promise<ChannelResponse> {
  const attempts = opts.attempts ?? 3;
  const label = `${req.method ?? "GET"} ${pathOf(req.url)}`;
  let last = new ChannelHttpError(`${label} was not attempted`, null);
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let wait = (opts.backoffMs ?? 250) * 2 ** (attempt - 1);
    let res: Response;
    let text: string;
    try {
      res = await fetch(req.url, {
        method: req.method ?? "GET",
        headers: { accept: "application/json", ...req.headers },
        body: req.body,
        signal: AbortSignal.timeout(opts.timeoutMs),
        redirect: "error",
      });
      text = await res.text();
    } catch (e) {
      const timedOut = e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError");
      last = new ChannelHttpError(
        timedOut ? `${label} timed out after ${opts.timeoutMs} ms` : `${label} failed: the store could not be reached`,
        null,
      );
      if (attempt < attempts) await sleep(wait);
      continue;
    }
    if (res.ok) return { status: res.status, headers: res.headers, body: parseJson(text), text };
    last = new ChannelHttpError(`${label} answered HTTP ${res.status} ${res.statusText || statusText(res.status)}`.trim(), res.status);
    if (res.status !== 429 && res.status < 500) throw last;
    const retryAfter = Number(res.headers.get("retry-after") ?? Number.NaN);
    if (res.status === 429 && Number.isFinite(retryAfter) && retryAfter >= 0) {
      if (retryAfter * 1000 > (opts.maxRetryAfterMs ?? 30_000)) throw last;
      wait = retryAfter * 1000;
    }
    if (attempt < attempts) await sleep(wait);
  }
  throw last;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};
function statusText(status: number): string {
  return STATUS_TEXT[status] ?? "";
}
