import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { csrfCookieName, csrfTokenFor } from "./csrf-cookie";

// next-auth's own check (not in its exports map, so loaded by path): the cookie the proxy
// makes must pass it unchanged, and this fails if a next-auth upgrade changes the format.
const require = createRequire(import.meta.url);
const nextAuthDir = path.dirname(require.resolve("next-auth")); // its index.js is at the package root
const { createCSRFToken } = require(path.join(nextAuthDir, "core/lib/csrf-token.js")) as {
  createCSRFToken: (o: { options: { secret: string }; cookieValue?: string; isPost: boolean; bodyValue?: string }) => {
    csrfTokenVerified?: boolean;
    csrfToken: string;
  };
};

const secret = "test-secret-at-least-16-chars";

describe("csrfTokenFor (next-auth's CSRF cookie, made by the proxy)", () => {
  it("makes a cookie next-auth accepts for a POST carrying the token", () => {
    const { token, cookie } = csrfTokenFor(undefined, secret);
    expect(cookie).toBeDefined();
    const checked = createCSRFToken({ options: { secret }, cookieValue: cookie, isPost: true, bodyValue: token });
    expect(checked).toMatchObject({ csrfTokenVerified: true, csrfToken: token });
  });

  it("keeps a valid cookie's token and replaces a forged or foreign one", () => {
    const first = csrfTokenFor(undefined, secret);
    expect(csrfTokenFor(first.cookie, secret)).toEqual({ token: first.token });
    const forged = csrfTokenFor(`${first.token}|deadbeef`, secret);
    expect(forged.token).not.toBe(first.token);
    expect(forged.cookie).toBeDefined();
    expect(csrfTokenFor(first.cookie, "another-secret-entirely").cookie).toBeDefined();
  });

  it("uses next-auth's cookie names", () => {
    expect(csrfCookieName(false)).toBe("next-auth.csrf-token");
    expect(csrfCookieName(true)).toBe("__Host-next-auth.csrf-token");
  });
});
