import crypto from "node:crypto";
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as signupPOST } from "@/app/api/v1/signup/route";
import { getDb } from "@/db/client";
import { authenticate } from "@/server/auth/auth-options";
import { allRowCounts, call } from "./security-test-kit";

/**
 * Finding 6 of the review (#17): neither the signup answer nor the sign-in work may tell
 * whether an email has an account. Timing is checked as work done (scrypt runs), not as
 * milliseconds: the same KDF work is what makes the timings equal, and it is deterministic.
 */
afterEach(() => vi.restoreAllMocks());

const signup = (email: string, password = "correct horse battery") =>
  call(signupPOST as never, null, { path: "/api/v1/signup", body: { name: "Probe", email, password, timeZone: "America/New_York" } });

describe("signup does not reveal existing accounts", () => {
  it("answers a taken email exactly like a new one, and writes nothing for it", async () => {
    const email = `taken-${randomUUID()}@example.test`;
    const first = await signup(email);
    const before = await allRowCounts(getDb());
    const again = await signup(email.toUpperCase(), "a different password");
    const fresh = await signup(`fresh-${randomUUID()}@example.test`);
    expect(again).toEqual(first);
    expect(fresh).toEqual(first);
    expect(first.status).toBe(202);
    expect(JSON.stringify(again.json)).not.toMatch(/exist|taken|already/i);
    const after = await allRowCounts(getDb());
    // Only the fresh signup wrote (its user, customer and audit row).
    expect(after.users).toBe(before.users! + 1);
    expect(after.customers).toBe(before.customers! + 1);
  });

  it("still names the field for input that is wrong whoever asks", async () => {
    const res = await signup("not-an-email");
    expect(res.status).toBe(422);
    expect(res.json.error?.fields).toHaveProperty("email");
  });
});

describe("sign-in costs the same for unknown and known emails", () => {
  it("runs one real scrypt verification for an unknown email, as for a wrong password", async () => {
    const email = `known-${randomUUID()}@example.test`;
    expect((await signup(email)).status).toBe(202);
    await authenticate({ email: "warm-up@example.test", password: "x" }); // the dummy hash is made once per process
    const scrypt = vi.spyOn(crypto, "scrypt");

    expect(await authenticate({ email, password: "wrong password" })).toBeNull();
    const known = scrypt.mock.calls.length;
    scrypt.mockClear();
    expect(await authenticate({ email: `nobody-${randomUUID()}@example.test`, password: "wrong password" })).toBeNull();
    const unknown = scrypt.mock.calls.length;

    expect(known).toBe(1);
    expect(unknown).toBe(known);
    // Same cost parameters too: the dummy hash is a real hash made like every stored one.
    expect(scrypt.mock.calls[0]![3]).toMatchObject({ N: 1 << 15, r: 8, p: 1 });
  });

  it("the right password still signs in", async () => {
    const email = `ok-${randomUUID()}@example.test`;
    await signup(email, "the right password");
    expect(await authenticate({ email, password: "the right password" })).toMatchObject({ email });
  });
});
