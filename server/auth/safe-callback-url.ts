/**
 * Where to go after signing in: `raw` (a callbackUrl from the query string) resolved against
 * the app's origin, kept only if it stays on that origin — else the origin's root. Returns an
 * absolute URL, so nothing downstream can re-read it as protocol-relative (`//host`), and
 * `\`, tabs and `..` are settled by the URL parser before the origin is compared.
 * Pure: the sign-in form (browser) and next-auth's redirect callback (server) both use it.
 */
export function safeCallbackUrl(raw: string | null | undefined, origin: string): string {
  const home = new URL("/", origin).href;
  if (!raw) return home;
  try {
    const url = new URL(raw, origin);
    return url.origin === new URL(origin).origin ? url.href : home;
  } catch {
    return home; // malformed: never an error page
  }
}
