import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./content-security-policy";

describe("contentSecurityPolicy", () => {
  it("allows scripts only by nonce (+ strict-dynamic), forbids framing, objects and foreign forms", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123", dev: false, https: true });
    const directives = Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d]));
    expect(directives["script-src"]).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directives["frame-ancestors"]).toBe("frame-ancestors 'none'");
    expect(directives["object-src"]).toBe("object-src 'none'");
    expect(directives["form-action"]).toBe("form-action 'self'");
    expect(directives["upgrade-insecure-requests"]).toBeDefined();
    expect(csp).not.toContain("unsafe-eval");
  });

  it("adds eval and the HMR socket in development only, no upgrade over plain http", () => {
    const csp = contentSecurityPolicy({ nonce: "n", dev: true, https: false });
    expect(csp).toContain("'unsafe-eval'");
    expect(csp).toContain("connect-src 'self' ws: wss:");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});
