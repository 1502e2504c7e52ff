import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as requestCodePOST } from "@/app/api/auth/sign-in-code/route";
import { getDb } from "@/db/client";
import { signInCodes, users } from "@/db/schema";
import { closeEmailTransports, emailSender } from "@/server/notifications/send-email";
import { startMailSink } from "@/scripts/lib/mail-sink";
import { browserRequest } from "@/test/support/browser-request";
import { MAX_CODE_ATTEMPTS, requestSignInCode, verifySignInCode } from "../sign-in-codes";

/** Passwordless sign-in: codes mailed through a real SMTP sink, checked against the real tables. */
let sink: Awaited<ReturnType<typeof startMailSink>>;
let send: ReturnType<typeof emailSender>;
const now = new Date("2027-03-01T10:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

beforeAll(async () => {
  sink = await startMailSink({ port: 0 });
  send = emailSender({ smtpUrl: sink.url, from: "Replen <no-reply@replen.test>" });
});
afterAll(async () => {
  closeEmailTransports();
  await sink.stop();
});
beforeEach(() => {
  sink.messages.length = 0;
});

async function makeUser(o: { disabled?: boolean } = {}) {
  const email = `code-${randomUUID()}@example.test`;
  const [user] = await getDb()
    .insert(users)
    .values({ email, name: "Robin", role: "customer", disabledAt: o.disabled ? now : null })
    .returning();
  return user!;
}

/** Requests a code for `email` and reads it out of the message the sink received. */
async function mailedCode(email: string, at = now): Promise<string> {
  const before = sink.messages.length;
  expect(await requestSignInCode(getDb(), { email }, at, { send })).toEqual({ sent: true });
  const mail = sink.messages[before]!;
  expect(mail.to).toEqual([email]);
  const code = /sign-in code: (\d{6})/.exec(mail.subject)?.[1];
  expect(code).toMatch(/^\d{6}$/);
  return code!;
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("passwordless sign-in codes", () => {
  it("signs in once with the emailed code, and stores only its hash", async () => {
    const user = await makeUser();
    const code = await mailedCode(user.email.toUpperCase().toLowerCase());
    const rows = await getDb().select().from(signInCodes).where(eq(signInCodes.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(code);

    expect(await verifySignInCode(getDb(), { email: user.email, code: wrong(code) }, minutes(1))).toBeNull();
    expect(
      await verifySignInCode(getDb(), { email: ` ${user.email.toUpperCase()} `, code: ` ${code.slice(0, 3)} ${code.slice(3)}` }, minutes(1)),
    ).toMatchObject({
      id: user.id,
      role: "customer",
    });
    expect(await verifySignInCode(getDb(), { email: user.email, code }, minutes(2))).toBeNull();
  });

  it("a code dies after its tries, at its expiry, and when a newer one is sent", async () => {
    const guessed = await makeUser();
    const code = await mailedCode(guessed.email);
    for (let i = 0; i < MAX_CODE_ATTEMPTS; i++)
      expect(await verifySignInCode(getDb(), { email: guessed.email, code: wrong(code) }, minutes(1))).toBeNull();
    expect(await verifySignInCode(getDb(), { email: guessed.email, code }, minutes(1))).toBeNull();

    const late = await makeUser();
    const lateCode = await mailedCode(late.email);
    expect(await verifySignInCode(getDb(), { email: late.email, code: lateCode }, minutes(10))).toBeNull();

    const twice = await makeUser();
    const first = await mailedCode(twice.email);
    const second = await mailedCode(twice.email, minutes(1));
    if (first !== second) expect(await verifySignInCode(getDb(), { email: twice.email, code: first }, minutes(2))).toBeNull();
    expect(await verifySignInCode(getDb(), { email: twice.email, code: second }, minutes(2))).toMatchObject({ id: twice.id });
  });

  it("two concurrent submissions of the right code sign in once", async () => {
    const user = await makeUser();
    const code = await mailedCode(user.email);
    const results = await Promise.all(Array.from({ length: 4 }, () => verifySignInCode(getDb(), { email: user.email, code }, minutes(1))));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("sends nothing for an unknown or disabled account", async () => {
    const disabled = await makeUser({ disabled: true });
    expect(await requestSignInCode(getDb(), { email: disabled.email }, now, { send })).toEqual({ sent: false });
    expect(await requestSignInCode(getDb(), { email: `nobody-${randomUUID()}@example.test` }, now, { send })).toEqual({ sent: false });
    expect(sink.messages).toHaveLength(0);
  });
});

describe("POST /api/auth/sign-in-code", () => {
  const post = (body: unknown, headers: Record<string, string | null> = {}) =>
    requestCodePOST(browserRequest("/api/auth/sign-in-code", { body, headers }));

  it("answers 202 the same way whether or not the email has an account", async () => {
    const res = await post({ email: `nobody-${randomUUID()}@example.test` });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ status: "SIGN_IN_CODE_SENT" });
  });

  it("names the field of a bad email, and refuses a cross-site form", async () => {
    const bad = await post({ email: "not-an-email" });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields).toHaveProperty("email");
    const crossSite = await post({ email: "a@example.test" }, { "sec-fetch-site": "cross-site" });
    expect(crossSite.status).toBe(403);
  });

  it("a no-JavaScript form post is redirected to the code form", async () => {
    const email = `nobody-${randomUUID()}@example.test`;
    const res = await requestCodePOST(
      browserRequest("/api/auth/sign-in-code", {
        rawBody: new URLSearchParams({ email, callbackUrl: "/subscriptions" }).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get("location")!);
    expect(location.pathname).toBe("/signin");
    expect(Object.fromEntries(location.searchParams)).toEqual({ method: "code", email, callbackUrl: "/subscriptions" });
  });

  it("limits requests per email address with 429 and Retry-After", async () => {
    const email = `flood-${randomUUID()}@example.test`;
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) {
      last = await post({ email }, { "x-forwarded-for": `198.51.100.${i}` });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
