/**
 * A customer using the portal while the wave runs: signs in through next-auth's credentials
 * flow (as the browser does), then loads their subscriptions page, its data and /api/health, one request
 * after another, recording each latency. Failures (non-2xx, timeouts) are counted, not hidden.
 */
export async function startPortalProbe(baseUrl: string, creds: { email: string; password: string }, opts: { pauseMs?: number } = {}) {
  const cookies = new Map<string, string>();
  const jar = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = (pair ?? "").split("=");
      if (k) cookies.set(k.trim(), v.join("="));
    }
  };
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  jar(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const signIn = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
    body: new URLSearchParams({ csrfToken, email: creds.email, password: creds.password, json: "true" }),
  });
  jar(signIn);
  if (![...cookies.keys()].some((k) => k.includes("session-token"))) throw new Error(`portal sign-in failed (${signIn.status})`);

  const latencies: Record<"page" | "data" | "health", number[]> = { page: [], data: [], health: [] };
  let failures = 0;
  let stopped = false;
  const hit = async (kind: keyof typeof latencies, path: string) => {
    const t0 = performance.now();
    try {
      const res = await fetch(`${baseUrl}${path}`, { headers: { cookie: cookieHeader() }, redirect: "manual", signal: AbortSignal.timeout(15_000) });
      await res.arrayBuffer();
      if (res.status !== 200) failures++;
    } catch {
      failures++;
    }
    latencies[kind].push(performance.now() - t0);
  };
  const loop = (async () => {
    while (!stopped) {
      // What the customer's browser loads: the page, then its data.
      await hit("page", "/subscriptions");
      await hit("data", "/api/v1/subscriptions");
      await hit("health", "/api/health");
      // A brisk customer: a page with its data, then a health check, about every half second.
      await new Promise((r) => setTimeout(r, opts.pauseMs ?? 500));
    }
  })();
  return {
    latencies,
    failures: () => failures,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
};
