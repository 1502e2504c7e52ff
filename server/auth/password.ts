import crypto, { randomBytes, timingSafeEqual } from "node:crypto";

// Looked up on each call (not bound once) so the enumeration test can count the real scrypt runs.
const scrypt = (pw: string, salt: Buffer, len: number, opts: crypto.ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => crypto.scrypt(pw, salt, len, opts, (e, key) => (e ? reject(e) : resolve(key))));

// scrypt is a memory-hard KDF (RFC 7914); N=2^15 costs ~32 MiB and ~50 ms per hash.
const PARAMS = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LEN = 32;

/** Format: scrypt$N$r$p$salt$hash (base64), so parameters can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LEN, PARAMS);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split("$");
  if (alg !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const key = await scrypt(password, Buffer.from(salt, "base64"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return timingSafeEqual(key, expected);
}

let dummy: Promise<string> | undefined;

/**
 * A real scrypt hash of a random password, made once per process. Sign-in verifies against it
 * when the email has no account (or no password), so an unknown email costs the same scrypt
 * work as a wrong password and timing does not tell which emails exist (#17).
 */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(24).toString("base64"));
  return dummy;
}
