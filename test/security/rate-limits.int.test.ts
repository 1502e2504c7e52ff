import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import NextAuth from "next-auth";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { customers, users } from "@/db/schema";
import { GET as subscriptionsGET } from "@/app/api/v1/subscriptions/route";
import { POST as signupPOST } from "@/app/api/v1/signup/route";
import { authOptions } from "@/server/auth/auth-options";
import { hashPassword } from "@/server/auth/password";
import { limitSignIn } from "@/server/auth/sign-in-limits";
import { createApiToken } from "@/server/auth/api-tokens";

/**
 * Finding 3 of the security review (#17): 50 wrong passwords in 8.6 s, all 401, never 429;
 * signup unthrottled; token use unlimited. Small limits for this file, set before env() is read.
 */
vi.hoisted(() => {
  Object.assign(process.env, {
    RATE_LIMIT_SIGNIN_IP_POINTS: "5",
    RATE_LIMIT_SIGNIN_ACCOUNT_POINTS: "3",
    RATE_LIMIT_SIGNUP_IP_POINTS: "3",
    RATE_LIMIT_TOKEN_IP_POINTS: "3",
    RATE_LIMIT_TOKEN_ACCOUNT_POINTS: "4",
  });
});

const PASSWORD = "correct horse battery";
let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

async function makeUser() {
  const email = `u-${randomUUID()}@example.test`;
  const [user] = await getDb().insert(users).values({ email, role: "customer", passwordHash }).returning();
  await getDb().insert(customers).values({ userId: user!.id, email, name: "Robin" });
  return user!;
}

const cookiesOf = (res: { headers: Headers }) =>
  Object.fromEntries(
    res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0]!.split("="))
      .map(([k, ...v]) => [k!, v.join("=")]),
  );

/**
 * next-auth's real handler and core (its pages-style entry, which needs no Next.js request
 * scope; the app's App Router route calls the same core), with the app's authOptions.
 */
async function nextAuth(req: Request, nextauth: string[]): Promise<Response> {
  const text = req.method === "POST" ? await req.text() : "";
  const cookieHeader = req.headers.get("cookie") ?? "";
  const state: { status: number; headers: Headers; body: string } = { status: 200, headers: new Headers(), body: "" };
  const res = {
    status(code: number) {
      state.status = code;
      return res;
    },
    setHeader(name: string, value: string | string[]) {
      state.headers.delete(name);
      for (const v of Array.isArray(value) ? value : [value]) state.headers.append(name, v);
      return res;
    },
    getHeader: (name: string) => (name.toLowerCase() === "set-cookie" ? state.headers.getSetCookie() : state.headers.get(name)),
    json(body: unknown) {
      state.headers.set("content-type", "application/json");
      state.body = JSON.stringify(body);
    },
    send(body: unknown) {
      state.body = typeof body === "string" ? body : JSON.stringify(body);
    },
    end() {},
  };
  const nodeReq = {
    method: req.method,
    query: { nextauth },
    body: Object.fromEntries(new URLSearchParams(text)),
    headers: Object.fromEntries(req.headers),
    cookies: Object.fromEntries(
      cookieHeader
        .split(/;\s*/)
        .filter(Boolean)
        .map((c) => c.split("="))
        .map(([k, ...v]) => [k!, decodeURIComponent(v.join("="))]),
    ),
  };
  await (NextAuth as unknown as (...a: unknown[]) => Promise<void>)(nodeReq, res, authOptions);
  return new Response(state.body || null, { status: state.status, headers: state.headers });
}

let csrf: { token: string; cookie: string };
beforeAll(async () => {
  const res = await nextAuth(new Request("http://localhost/api/auth/csrf", { headers: { host: "localhost" } }), ["csrf"]);
  const cookies = cookiesOf(res);
  csrf = { token: ((await res.json()) as { csrfToken: string }).csrfToken, cookie: `next-auth.csrf-token=${cookies["next-auth.csrf-token"]}` };
});

/** A credentials sign-in as next-auth's client posts it, through the app's limits, from `ip`. */
async function signIn(email: string, password: string, ip: string) {
  const req = new Request("http://localhost/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip, host: "localhost", cookie: csrf.cookie },
    body: new URLSearchParams({ email, password, csrfToken: csrf.token, json: "true" }).toString(),
  });
  const res = await limitSignIn(req, () => nextAuth(req, ["callback", "credentials"]));
  const signedIn = /session-token=/.test(res.headers.get("set-cookie") ?? "");
  return { status: res.status, retryAfter: res.headers.get("retry-after"), signedIn, body: (await res.json()) as { url?: string } };
}

describe("sign-in: failed attempts are limited per IP and per account (429 + Retry-After)", () => {
  it("after N failures from one IP that IP is refused, even with the right password; other IPs are not", async () => {
    const user = await makeUser();
    for (let i = 0; i < 5; i++) {
      expect((await signIn(`nobody-${i}@example.test`, "guess", "203.0.113.10")).status).toBe(401);
    }
    const refused = await signIn(user.email, PASSWORD, "203.0.113.10");
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(900);
    expect(refused.signedIn).toBe(false);
    // next-auth's client reads the error from `url`: signIn() resolves { error: "RateLimited", status: 429 }.
    expect(new URL(refused.body.url!).searchParams.get("error")).toBe("RateLimited");

    const elsewhere = await signIn(user.email, PASSWORD, "198.51.100.20");
    expect(elsewhere).toMatchObject({ status: 200, signedIn: true });
  });

  it("an account is limited across IPs: the 4th try is refused whatever the address and password", async () => {
    const user = await makeUser();
    for (const ip of ["192.0.2.1", "192.0.2.2", "192.0.2.3"]) expect((await signIn(user.email, "wrong", ip)).status).toBe(401);
    const refused = await signIn(user.email.toUpperCase(), PASSWORD, "192.0.2.4");
    expect(refused).toMatchObject({ status: 429, signedIn: false });
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
  });

  it("successes are not counted, and a success resets the account's failures", async () => {
    const user = await makeUser();
    for (let i = 0; i < 6; i++) expect((await signIn(user.email, PASSWORD, "192.0.2.50")).signedIn).toBe(true);
    for (let round = 0; round < 2; round++) {
      expect((await signIn(user.email, "wrong", "192.0.2.51")).status).toBe(401);
      expect((await signIn(user.email, "wrong", "192.0.2.52")).status).toBe(401);
      expect(await signIn(user.email, PASSWORD, "192.0.2.53")).toMatchObject({ status: 200, signedIn: true });
    }
  });

  it("counts live in PostgreSQL (they hold across app servers), keyed without the email", async () => {
    const user = await makeUser();
    await signIn(user.email, "wrong", "192.0.2.60");
    const rows = await getDb().execute<{ key: string; points: number }>(sql`SELECT key, points FROM rate_limits WHERE key LIKE 'signin_%'`);
    expect(rows.map((r) => r.key)).toEqual(expect.arrayContaining(["signin_ip:192.0.2.60"]));
    expect(rows.some((r) => r.key.includes(user.email))).toBe(false);
  });
});

function signupRequest(email: string, ip: string) {
  return new Request("http://localhost/api/v1/signup", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": ip },
    body: JSON.stringify({ email, password: "a long enough password", name: "Sam", timeZone: "UTC" }),
  });
}

describe("signup is limited per IP", () => {
  it("the 4th signup from one address is 429 with Retry-After and creates nothing", async () => {
    for (let i = 0; i < 3; i++) {
      const res = await signupPOST(signupRequest(`new-${i}-${randomUUID()}@example.test`, "203.0.113.77"));
      expect(res.status).toBe(202);
    }
    const email = `new-4-${randomUUID()}@example.test`;
    const refused = await signupPOST(signupRequest(email, "203.0.113.77"));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: { code: "RATE_LIMITED" } });
    expect(await getDb().select().from(users).where(eq(users.email, email))).toEqual([]);
    expect((await signupPOST(signupRequest(`new-5-${randomUUID()}@example.test`, "203.0.113.78"))).status).toBe(202);
  });
});

const tokenRequest = (token: string, ip: string) =>
  new Request("http://localhost/api/v1/subscriptions", { headers: { authorization: `Bearer ${token}`, "x-forwarded-for": ip } });
const list = (token: string, ip: string) => subscriptionsGET(tokenRequest(token, ip), { params: Promise.resolve({}) });

describe("API tokens: unknown tokens limited per IP, use limited per account", () => {
  it("after 3 unknown tokens from one IP, that IP is refused even with a valid token", async () => {
    const user = await makeUser();
    const { token } = await createApiToken(getDb(), user.id, "t", new Date());
    for (let i = 0; i < 3; i++) expect((await list(`rpl_guess${i}`, "203.0.113.90")).status).toBe(401);
    const refused = await list(token, "203.0.113.90");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await list(token, "203.0.113.91")).status).toBe(200);
  });

  it("an account's tokens get 4 calls per window, from any IP", async () => {
    const user = await makeUser();
    const { token } = await createApiToken(getDb(), user.id, "t", new Date());
    for (const ip of ["192.0.2.70", "192.0.2.71", "192.0.2.72", "192.0.2.73"]) expect((await list(token, ip)).status).toBe(200);
    const refused = await list(token, "192.0.2.74");
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { code: "RATE_LIMITED" } });
  });
});
