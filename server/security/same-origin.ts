/** Methods that change something: the ones a cookie-authenticated request must prove it is ours for. */
export const MUTATING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The origins the app is served at: the request's own (from Host), APP_URL, NEXTAUTH_URL. */
function appOrigins(req: Request, configured: (string | undefined)[]): Set<string> {
  const origins = new Set<string>([new URL(req.url).origin]);
  const host = req.headers.get("x-forwarded-host");
  if (host) origins.add(`${req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "")}://${host}`);
  for (const url of configured) if (url) origins.add(new URL(url).origin);
  return origins;
}

/**
 * Why a cookie-authenticated mutation is refused as possible CSRF, or null when it is the
 * app's own: the browser says `Sec-Fetch-Site: same-origin`, or (browsers without Fetch
 * Metadata) its `Origin` is one of the app's; and the body is declared `application/json`,
 * which a cross-site form or a no-preflight fetch cannot send. A browser cannot forge either
 * header for another site's page; Host cannot be changed cross-site either, so comparing with
 * the request's own origin is safe (Next.js's server actions check the same way).
 */
export function csrfRefusal(req: Request, configured: (string | undefined)[]): { field: string; reason: string } | null {
  const crossSite = crossSiteRefusal(req, configured);
  if (crossSite) return crossSite;
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") {
    return { field: "content-type", reason: "Request refused: the body must be sent as Content-Type: application/json" };
  }
  return null;
}

/**
 * The origin half of csrfRefusal, for the few anonymous form posts that must work without
 * JavaScript (asking for a sign-in code): the browser vouches the page was ours.
 */
export function crossSiteRefusal(req: Request, configured: (string | undefined)[]): { field: string; reason: string } | null {
  const site = req.headers.get("sec-fetch-site");
  const origin = req.headers.get("origin");
  if (site !== null && site !== "same-origin") {
    return { field: "sec-fetch-site", reason: `Cross-origin request refused (Sec-Fetch-Site: ${site.slice(0, 20)})` };
  }
  if (site === null) {
    if (!origin) return { field: "origin", reason: "Request refused: no Origin header (send it, or use an API token)" };
    if (!appOrigins(req, configured).has(origin)) {
      return { field: "origin", reason: `Cross-origin request refused (Origin ${origin.slice(0, 100)} is not this app)` };
    }
  }
  return null;
}

/** True when the request authenticates with an API token: then no cookie is used, so no CSRF. */
export const hasBearerToken = (req: Request) => /^Bearer\s+\S/i.test(req.headers.get("authorization") ?? "");
