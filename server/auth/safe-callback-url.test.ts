import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback-url";

const ORIGIN = "http://localhost:3000";

describe("safeCallbackUrl (open redirect after sign-in)", () => {
  it.each([
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example/x",
    "javascript:alert(1)",
    "http://localhost:3001/",
    "http://[::1",
    "http://localhost:3000@evil.example/",
  ])("%s stays home", (raw) => {
    expect(safeCallbackUrl(raw, ORIGIN)).toBe(`${ORIGIN}/`);
  });

  it("keeps same-origin paths, queries and hashes", () => {
    expect(safeCallbackUrl("/subscriptions/abc?tab=orders#next", ORIGIN)).toBe(`${ORIGIN}/subscriptions/abc?tab=orders#next`);
    expect(safeCallbackUrl(`${ORIGIN}/review`, ORIGIN)).toBe(`${ORIGIN}/review`);
  });

  it("settles tricks that look like paths into same-origin URLs, never a protocol-relative one", () => {
    for (const raw of ["/%09/evil.example", "/.//evil.example", "/\t/evil.example"]) {
      const out = new URL(safeCallbackUrl(raw, ORIGIN));
      expect(out.origin).toBe(ORIGIN);
    }
  });

  it("falls back home without a callback", () => {
    expect(safeCallbackUrl(null, ORIGIN)).toBe(`${ORIGIN}/`);
    expect(safeCallbackUrl("", ORIGIN)).toBe(`${ORIGIN}/`);
  });
});
