import { describe, expect, it } from "vitest";
import { currencyExponent, divideHalfEven, formatMinor, parseMoney } from "./money";

const minor = (value: unknown, currency = "USD", rounding: "reject" | "half-even" = "reject") => {
  const result = parseMoney(value, currency, rounding);
  if (!result.ok) throw new Error(`expected ${String(value)} to parse: ${result.message}`);
  return result.minor;
};

describe("parseMoney", () => {
  it("parses decimal strings into integer minor units", () => {
    expect(minor("19.99")).toBe(1999n);
    expect(minor("0.1")).toBe(10n);
    expect(minor("7")).toBe(700n);
    expect(minor("0.00")).toBe(0n);
    expect(minor(" 12.50 ")).toBe(1250n);
    expect(minor("-4.99")).toBe(-499n);
  });

  it("is exact where float arithmetic is not", () => {
    // 0.1 + 0.2 !== 0.3 in IEEE 754; in minor units it is.
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(minor("0.1") + minor("0.2")).toBe(minor("0.3"));
    // 19.99 * 3 happens to print as 59.97, but 19.99 * 100 is 1998.9999999999998.
    expect(19.99 * 100).not.toBe(1999);
    expect(minor("19.99") * 3n).toBe(5997n);
    // 1.005 * 100 is 100.49999999999999, so Math.round gives 100 for the wrong reason, and
    // 1.015 * 100 is 101.49999999999999, so Math.round gives 101 where half-even gives 102.
    expect(Math.round(1.015 * 100)).toBe(101);
    expect(minor("1.015", "USD", "half-even")).toBe(102n);
    expect(minor("1.005", "USD", "half-even")).toBe(100n);
    // Large amounts keep every digit.
    expect(minor("90071992547409.91")).toBe(9007199254740991n);
  });

  it("accepts JSON numbers through their shortest round-trip text", () => {
    expect(minor(19.99)).toBe(1999n);
    expect(minor(3)).toBe(300n);
    expect(minor(0.1)).toBe(10n);
    expect(parseMoney(1e21, "USD").ok).toBe(false); // "1e+21": exponent notation is not accepted
    expect(parseMoney(Number.NaN, "USD").ok).toBe(false);
  });

  it("respects the currency exponent", () => {
    expect(currencyExponent("JPY")).toBe(0);
    expect(currencyExponent("kwd")).toBe(3);
    expect(currencyExponent("EUR")).toBe(2);
    expect(minor("1500", "JPY")).toBe(1500n);
    expect(minor("1.234", "KWD")).toBe(1234n);
    expect(minor("0.5", "BHD")).toBe(500n);
    expect(minor("12.5", "EUR")).toBe(1250n);
  });

  it("allows trailing zeros beyond the exponent (BigCommerce sends 4 decimals)", () => {
    expect(minor("45.0000")).toBe(4500n);
    expect(minor("1500.00", "JPY")).toBe(1500n);
    expect(minor("1.2340", "KWD")).toBe(1234n);
  });

  it("rejects significant extra decimals by default, naming the currency", () => {
    const usd = parseMoney("1.005", "USD");
    expect(usd).toEqual({ ok: false, message: '"1.005" has more than 2 decimal place(s), the maximum for USD' });
    expect(parseMoney("1500.5", "JPY").ok).toBe(false);
    expect(parseMoney("1.2345", "KWD").ok).toBe(false);
  });

  it("rounds half to even when asked, and says so", () => {
    expect(parseMoney("33.3333", "USD", "half-even")).toEqual({ ok: true, minor: 3333n, rounded: true });
    expect(minor("0.125", "USD", "half-even")).toBe(12n); // tie → even
    expect(minor("0.135", "USD", "half-even")).toBe(14n); // tie → even
    expect(minor("0.1251", "USD", "half-even")).toBe(13n); // above the tie
    expect(minor("2.5", "JPY", "half-even")).toBe(2n);
    expect(minor("-0.125", "USD", "half-even")).toBe(-12n); // symmetric for negatives
    expect(parseMoney("45.0000", "USD", "half-even")).toEqual({ ok: true, minor: 4500n, rounded: false });
  });

  it.each(["1,234.50", "1.234,50", "$19.99", "19.99 USD", "1e3", ".5", "5.", "", "abc", "--1", "+1"])("rejects %j", (value) => {
    expect(parseMoney(value, "USD").ok).toBe(false);
  });

  it("rejects non-string, non-number input and amounts beyond 2^53 minor units", () => {
    expect(parseMoney(null, "USD")).toEqual({ ok: false, message: "Amount is missing" });
    expect(parseMoney(undefined, "USD").ok).toBe(false);
    expect(parseMoney({ amount: "1.00" }, "USD").ok).toBe(false);
    expect(parseMoney("90071992547409.92", "USD")).toEqual({ ok: false, message: '"90071992547409.92" is too large' });
  });
});

describe("divideHalfEven", () => {
  it("divides exactly when it can and rounds ties to even otherwise", () => {
    expect(divideHalfEven(600n, 2n)).toEqual({ quotient: 300n, exact: true });
    expect(divideHalfEven(1000n, 3n)).toEqual({ quotient: 333n, exact: false });
    expect(divideHalfEven(2000n, 3n)).toEqual({ quotient: 667n, exact: false });
    expect(divideHalfEven(5n, 2n)).toEqual({ quotient: 2n, exact: false });
    expect(divideHalfEven(7n, 2n)).toEqual({ quotient: 4n, exact: false });
  });
});

describe("formatMinor", () => {
  it("formats for humans with the currency's exponent", () => {
    expect(formatMinor(4235n, "USD")).toBe("42.35");
    expect(formatMinor(5, "USD")).toBe("0.05");
    expect(formatMinor(-500, "EUR")).toBe("-5.00");
    expect(formatMinor(1500, "JPY")).toBe("1500");
    expect(formatMinor(1234, "KWD")).toBe("1.234");
  });
});
