import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { credentialKeyFrom, openSecret, sealSecret } from "./credential-box";

describe("credential box (AES-256-GCM)", () => {
  const key = randomBytes(32);

  it("round-trips, and never contains the plaintext", () => {
    const box = sealSecret('{"accessToken":"shpat_123"}', key);
    expect(box).not.toContain("shpat_123");
    expect(openSecret(box, key)).toBe('{"accessToken":"shpat_123"}');
  });

  it("uses a fresh IV: the same secret sealed twice gives different boxes", () => {
    expect(sealSecret("same", key)).not.toBe(sealSecret("same", key));
  });

  it("refuses to open with another key or after tampering", () => {
    const box = sealSecret("secret", key);
    expect(() => openSecret(box, randomBytes(32))).toThrow();
    const parts = box.split(".");
    parts[3] = Buffer.from("other").toString("base64url");
    expect(() => openSecret(parts.join("."), key)).toThrow();
    expect(() => openSecret("plain", key)).toThrow(/Not a credential box/);
  });

  it("keys must be 32 bytes", () => {
    expect(() => credentialKeyFrom(Buffer.alloc(16).toString("base64"))).toThrow();
    expect(credentialKeyFrom(Buffer.alloc(32, 1).toString("base64")).length).toBe(32);
  });
});
