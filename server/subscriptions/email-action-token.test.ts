import { describe, expect, it } from "vitest";
import { emailActionKey, signEmailAction, verifyEmailAction } from "./email-action-token";

const key = emailActionKey("a-test-secret-that-is-long-enough");
const claims = { reminderId: "0b7c1a3e-8f8d-4c55-9d1e-2f1a6b3c4d5e", action: "skip" as const, expiresAt: new Date("2027-03-01T09:00:00Z") };
const before = new Date("2027-02-27T12:00:00Z");

describe("email action tokens", () => {
  it("round-trips the claims", () => {
    const result = verifyEmailAction(key, signEmailAction(key, claims), before);
    expect(result).toEqual({ ok: true, claims });
  });

  it("refuses a token whose action, reminder or expiry was edited", () => {
    const token = signEmailAction(key, claims);
    const [v, id, , exp, sig] = token.split(".");
    for (const forged of [
      [v, id, "order_now", exp, sig],
      [v, "0b7c1a3e-8f8d-4c55-9d1e-2f1a6b3c4d5f", "skip", exp, sig],
      [v, id, "skip", String(Number(exp) + 86_400), sig],
      [v, id, "skip", exp, sig!.slice(0, -2) + (sig!.endsWith("A") ? "BB" : "AA")],
    ]) {
      expect(verifyEmailAction(key, forged.join("."), before)).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("refuses a token signed with another secret", () => {
    const other = emailActionKey("another-secret-that-is-long-enough");
    expect(verifyEmailAction(key, signEmailAction(other, claims), before)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses garbage without throwing", () => {
    for (const junk of ["", "v1", "v1.a.b.c.d", "v2.x.skip.1.sig", "....", "v1.%00.skip.1.x"]) {
      expect(verifyEmailAction(key, junk, before)).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("expires at the expiry instant, not before", () => {
    const token = signEmailAction(key, claims);
    expect(verifyEmailAction(key, token, new Date(claims.expiresAt.getTime() - 1000)).ok).toBe(true);
    expect(verifyEmailAction(key, token, claims.expiresAt)).toEqual({ ok: false, reason: "expired" });
  });
});
