import { describe, expect, it } from "vitest";
import { loadFixture, type FixtureName } from "@/test/support/intake/load-fixture";
import { signFor } from "@/test/support/intake/sign-for";
import type { Channel } from "./canonical-order";
import { intakeAdapters } from "./index";
import { getHeader, hmacSha256Base64, verifyBearerToken, verifyHmacBase64 } from "./signature";

const SECRET = "whsec_replen_test";

const CASES: ReadonlyArray<[Channel, FixtureName]> = [
  ["shopify", "shopify-orders-create"],
  ["woocommerce", "woocommerce-order-created"],
  ["bigcommerce", "bigcommerce-order"],
  ["api", "api-order"],
];

describe("HMAC-SHA256", () => {
  it("matches a known vector (printf '%s' body | openssl dgst -sha256 -hmac hush -binary | base64)", () => {
    expect(hmacSha256Base64('{"id":820982911946154508}', "hush")).toBe("qBvrsZF7RfB1iS6BX6IHqJTp5L911P7intnPeTPsH0I=");
  });
});

describe.each(CASES)("%s verifySignature", (channel, fixture) => {
  const adapter = intakeAdapters[channel];
  const body = loadFixture(fixture);
  const headers = signFor(channel, body, SECRET);

  it("accepts the channel's signature over the raw body", () => {
    expect(adapter.verifySignature(body, headers, SECRET)).toBe(true);
    expect(adapter.verifySignature(new TextEncoder().encode(body), headers, SECRET)).toBe(true);
  });

  it("finds the header whatever its case, in a record or in fetch Headers", () => {
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    expect(adapter.verifySignature(body, lower, SECRET)).toBe(true);
    expect(adapter.verifySignature(body, new Headers(headers), SECRET)).toBe(true);
  });

  it("rejects a wrong secret, a tampered body and a re-serialised body", () => {
    expect(adapter.verifySignature(body, headers, `${SECRET}x`)).toBe(false);
    expect(adapter.verifySignature(body.replace("@example", "@evil"), headers, SECRET)).toBe(false);
    // Parsing and re-stringifying changes the bytes: routes must hand over the raw text.
    expect(adapter.verifySignature(JSON.stringify(JSON.parse(body)), headers, SECRET)).toBe(false);
  });

  it("rejects missing, malformed and other channels' headers, and an empty secret", () => {
    expect(adapter.verifySignature(body, {}, SECRET)).toBe(false);
    expect(adapter.verifySignature(body, { [adapter.signatureHeader]: "not base64!" }, SECRET)).toBe(false);
    expect(adapter.verifySignature(body, { [adapter.signatureHeader]: "" }, SECRET)).toBe(false);
    const [name, value] = Object.entries(headers).find(([k]) => k !== "Content-Type") ?? ["", ""];
    // Buffer.from(…, "base64") would ignore trailing junk; the strict shape check must not.
    expect(adapter.verifySignature(body, { [name]: `${value}AA` }, SECRET)).toBe(false);
    expect(adapter.verifySignature(body, { [name]: value.slice(0, -4) }, SECRET)).toBe(false);
    expect(adapter.verifySignature(body, signFor(channel, body, ""), "")).toBe(false);
  });
});

it("does not accept one channel's header for another", () => {
  const body = loadFixture("shopify-orders-create");
  expect(intakeAdapters.woocommerce.verifySignature(body, signFor("shopify", body, SECRET), SECRET)).toBe(false);
  expect(intakeAdapters.shopify.verifySignature(body, signFor("api", body, SECRET), SECRET)).toBe(false);
});

describe("getHeader", () => {
  it("reads the first of repeated values", () => {
    expect(getHeader({ "x-a": ["1", "2"] }, "X-A")).toBe("1");
    expect(getHeader({ "X-A": undefined }, "x-a")).toBeUndefined();
  });
});

describe("verifyHmacBase64", () => {
  it("tolerates surrounding whitespace in the header value", () => {
    const sig = hmacSha256Base64("body", "s");
    expect(verifyHmacBase64("body", { "X-Sig": ` ${sig} ` }, "x-sig", "s")).toBe(true);
  });
});

describe("verifyBearerToken", () => {
  it("accepts the exact token only", () => {
    expect(verifyBearerToken({ Authorization: "Bearer tok_123" }, "tok_123")).toBe(true);
    expect(verifyBearerToken(new Headers({ authorization: "bearer tok_123" }), "tok_123")).toBe(true);
    expect(verifyBearerToken({ Authorization: "Bearer tok_1234" }, "tok_123")).toBe(false);
    expect(verifyBearerToken({ Authorization: "Basic tok_123" }, "tok_123")).toBe(false);
    expect(verifyBearerToken({}, "tok_123")).toBe(false);
    expect(verifyBearerToken({ Authorization: "Bearer " }, "")).toBe(false);
  });
});
