import "server-only";
import { isAppError } from "../errors/app-error";
import { env } from "../env";
import { clientIp } from "../security/client-ip";
import { accountKey, consumeOrThrow, countFailure, refuseIfExhausted, resetLimit } from "../security/rate-limiters";

const MESSAGE = "Too many sign-in attempts. Please wait a few minutes and try again.";

/** The email a credentials sign-in names (next-auth's client posts a form; JSON also accepted). */
async function signInFields(req: Request): Promise<{ email: string | null; json: boolean }> {
  const text = await req
    .clone()
    .text()
    .catch(() => "");
  let fields: Record<string, unknown> = {};
  if ((req.headers.get("content-type") ?? "").includes("application/json")) {
    try {
      fields = (JSON.parse(text) ?? {}) as Record<string, unknown>;
    } catch {
      // next-auth answers a malformed body itself; it is still a failed attempt below.
    }
  } else {
    fields = Object.fromEntries(new URLSearchParams(text));
  }
  const email = typeof fields.email === "string" && fields.email.trim() !== "" ? fields.email : null;
  return { email, json: fields.json === "true" || fields.json === true };
}

/**
 * Brute-force limits around next-auth's credentials callback (POST /api/auth/callback/credentials),
 * rate-limiter-flexible's login pattern: failures count per IP and per account (across IPs),
 * successes reset the account's count, and a key that used up its points is refused with 429
 * and Retry-After before the password is even checked (no scrypt work, no timing oracle).
 * next-auth answers a failed credentials sign-in 401 (its client's `json: "true"` posts) or
 * redirects to its error page (a plain form post); a success sets the session cookie.
 */
export async function limitSignIn(req: Request, run: () => Promise<Response>): Promise<Response> {
  const { email, json } = await signInFields(req);
  const ip = clientIp(req.headers, env().TRUSTED_PROXY_HOPS);
  const account = email ? accountKey(email) : null;
  try {
    await refuseIfExhausted("signin_ip", ip, MESSAGE);
    if (account) await refuseIfExhausted("signin_account", account, MESSAGE);
  } catch (e) {
    if (!isAppError(e) || e.code !== "RATE_LIMITED") throw e;
    const headers = { "Retry-After": String(e.retryAfterSeconds ?? 60) };
    // next-auth's client reads `url` and takes its `error` parameter (res.error = "RateLimited").
    const url = new URL("/api/auth/error?error=RateLimited", req.url).toString();
    return json
      ? Response.json({ url, error: { code: e.code, message: e.userMessage } }, { status: 429, headers })
      : new Response(e.userMessage, { status: 429, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
  }

  const res = await run();
  if (/session-token=/.test(res.headers.get("set-cookie") ?? "")) {
    if (account) await resetLimit("signin_account", account);
  } else if (res.status === 401 || /[?&]error=/.test(res.headers.get("location") ?? "")) {
    await countFailure("signin_ip", ip);
    if (account) await countFailure("signin_account", account);
  }
  return res;
}

/** Only the credentials callback is limited; every other next-auth request passes through. */
/** The password and the emailed-code sign-ins: both are guesses to limit. */
export const isCredentialsSignIn = (req: Request) =>
  req.method === "POST" && /\/api\/auth\/callback\/(credentials|email-code)$/.test(new URL(req.url).pathname);

const CODE_MESSAGE = "Too many sign-in codes requested. Please wait a few minutes and try again.";

/** Each code request sends an email: limited per IP and per email address, counted on every request. */
export async function limitCodeRequests(req: Request, email: string): Promise<void> {
  await consumeOrThrow("code_ip", clientIp(req.headers, env().TRUSTED_PROXY_HOPS), CODE_MESSAGE);
  await consumeOrThrow("code_account", accountKey(email), CODE_MESSAGE);
}
