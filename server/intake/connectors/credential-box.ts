import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * AES-256-GCM boxes for store credentials and webhook secrets: "v1.<iv>.<tag>.<ciphertext>"
 * (base64url parts). A fresh 12-byte IV per box; the tag makes a tampered or wrongly keyed box
 * fail to open instead of yielding garbage. The key is CHANNEL_CREDENTIALS_KEY (server/env.ts),
 * passed in so this file stays testable without the environment.
 */
const VERSION = "v1";

export function sealSecret(plaintext: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

/** Throws (a plain Error, never the secret) when the box was sealed with another key or altered. */
export function openSecret(box: string, key: Buffer): string {
  const [version, iv, tag, ciphertext] = box.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error("Not a credential box");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

export function credentialKeyFrom(base64: string): Buffer {
  const key = Buffer.from(base64, "base64");
  if (key.length !== 32) throw new Error("CHANNEL_CREDENTIALS_KEY must be 32 bytes");
  return key;
}
