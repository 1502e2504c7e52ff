import { describe, expect, it } from "vitest";
import { COUNTRY_CODES, isCountryCode, postalCodeExample, regionRule, validateAddress, type AddressInput } from "./index";

const base: AddressInput = { name: "Casey Jones", line1: "1 Main St", city: "Springfield", region: "IL", postalCode: "62701", country: "US" };
const check = (o: Partial<AddressInput>) => validateAddress({ ...base, ...o });
const errorsOf = (o: Partial<AddressInput>) => {
  const r = check(o);
  return r.ok ? {} : r.errors;
};
const postalOf = (o: Partial<AddressInput>) => {
  const r = check(o);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.address.postalCode;
};

describe("validateAddress", () => {
  it("accepts a complete address and normalizes it (trim, collapse spaces, empty optional parts → null)", () => {
    const r = validateAddress({ ...base, name: "  Casey   Jones ", line2: "   ", region: "il", country: " us " });
    expect(r).toEqual({
      ok: true,
      address: { name: "Casey Jones", line1: "1 Main St", line2: null, city: "Springfield", region: "IL", postalCode: "62701", country: "US" },
    });
  });

  it("names every missing required field at once", () => {
    expect(validateAddress({ name: "", line1: " ", city: "", postalCode: "", country: "" })).toEqual({
      ok: false,
      errors: {
        name: "Enter the name",
        line1: "Enter the address line 1",
        city: "Enter the city",
        postalCode: "Enter the postal code",
        country: "Choose the country",
      },
    });
  });

  it("limits lengths per field", () => {
    expect(errorsOf({ name: "x".repeat(101) }).name).toBe("Name must be at most 100 characters");
    expect(errorsOf({ line2: "x".repeat(101) }).line2).toBe("Address line 2 must be at most 100 characters");
    expect(errorsOf({ city: "x".repeat(61) }).city).toBe("City must be at most 60 characters");
    expect(check({ name: "x".repeat(100) }).ok).toBe(true);
  });

  it("refuses control characters and lone surrogates", () => {
    expect(errorsOf({ line1: "1 Main\u0000St" }).line1).toMatch(/not allowed/);
    expect(errorsOf({ city: "Spring\ud800field" }).city).toMatch(/not allowed/);
    expect(errorsOf({ name: "Ca\u0007sey" }).name).toMatch(/not allowed/);
    // A pasted newline is whitespace, not an error.
    expect(check({ line1: "1 Main\nSt" })).toMatchObject({ ok: true, address: { line1: "1 Main St" } });
  });

  it("country must be an assigned ISO 3166-1 alpha-2 code", () => {
    expect(errorsOf({ country: "USA" }).country).toBe("Use the two-letter country code (ISO 3166), e.g. US or DE");
    expect(errorsOf({ country: "U1" }).country).toBe("Use the two-letter country code (ISO 3166), e.g. US or DE");
    expect(errorsOf({ country: "UK" }).country).toBe("UK is not a country code (ISO 3166)");
    expect(errorsOf({ country: "ZZ" }).country).toBe("ZZ is not a country code (ISO 3166)");
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    expect(isCountryCode("GB")).toBe(true);
    expect(isCountryCode("EU")).toBe(false);
  });

  describe("United States", () => {
    it("ZIP or ZIP+4; nine bare digits get their hyphen", () => {
      expect(postalOf({ postalCode: "62701" })).toBe("62701");
      expect(postalOf({ postalCode: "62701-1234" })).toBe("62701-1234");
      expect(postalOf({ postalCode: "627011234" })).toBe("62701-1234");
      for (const bad of ["6270", "627011", "62701-12", "ABCDE"]) {
        expect(errorsOf({ postalCode: bad }).postalCode, bad).toBe("Enter a valid postal code for US, e.g. 12345 or 12345-6789");
      }
    });
    it("requires a state code", () => {
      expect(errorsOf({ region: "" }).region).toBe("Enter the state");
      expect(errorsOf({ region: "Illinois" }).region).toMatch(/^Enter the state as its code, e\.g\. /);
      expect(check({ region: "dc" })).toMatchObject({ ok: true, address: { region: "DC" } });
    });
  });

  describe("Canada", () => {
    const ca = (o: Partial<AddressInput>) => ({ country: "CA", region: "ON", city: "Ottawa", ...o });
    it("A1A 1A1 with the letters Canada Post uses; normalized with one space", () => {
      expect(postalOf(ca({ postalCode: "k1a0b1" }))).toBe("K1A 0B1");
      expect(postalOf(ca({ postalCode: "K1A 0B1" }))).toBe("K1A 0B1");
      for (const bad of ["W1A 0B1", "K1D 0B1", "K1A 0B", "12345", "KIA OBI"]) {
        expect(errorsOf(ca({ postalCode: bad })).postalCode, bad).toBe("Enter a valid postal code for CA, e.g. K1A 0B1");
      }
    });
    it("requires a province or territory code", () => {
      expect(errorsOf(ca({ postalCode: "K1A 0B1", region: "" })).region).toBe("Enter the province or territory");
      expect(errorsOf(ca({ postalCode: "K1A 0B1", region: "ZZ" })).region).toMatch(/province or territory as its code/);
    });
  });

  describe("United Kingdom", () => {
    const gb = (postalCode: string) => ({ country: "GB", region: null, city: "London", postalCode });
    it("every outward-code shape, normalized to one space before the inward code", () => {
      expect(postalOf(gb("sw1a1aa"))).toBe("SW1A 1AA");
      expect(postalOf(gb("M1 1AE"))).toBe("M1 1AE");
      expect(postalOf(gb("B33 8TH"))).toBe("B33 8TH");
      expect(postalOf(gb("CR2 6XH"))).toBe("CR2 6XH");
      expect(postalOf(gb("DN55 1PT"))).toBe("DN55 1PT");
      expect(postalOf(gb("W1A 0AX"))).toBe("W1A 0AX");
      expect(postalOf(gb("GIR 0AA"))).toBe("GIR 0AA");
      for (const bad of ["SW1A", "1AA SW1", "SW1A 1A", "ABC1 1AA"]) {
        expect(errorsOf(gb(bad)).postalCode, bad).toBe("Enter a valid postal code for GB, e.g. SW1A 1AA");
      }
    });
    it("region (county) is optional", () => {
      expect(check(gb("SW1A 1AA")).ok).toBe(true);
    });
  });

  it("Germany: five digits, region optional", () => {
    expect(postalOf({ country: "DE", region: "", city: "Berlin", postalCode: "10115" })).toBe("10115");
    expect(errorsOf({ country: "DE", region: "", postalCode: "1011" }).postalCode).toBe("Enter a valid postal code for DE, e.g. 10115");
    expect(errorsOf({ country: "DE", region: "", postalCode: "D-10115" }).postalCode).toBe("Enter a valid postal code for DE, e.g. 10115");
  });

  it("Australia: four digits and a state code", () => {
    const au = (o: Partial<AddressInput>) => ({ country: "AU", city: "Sydney", region: "nsw", postalCode: "2000", ...o });
    expect(check(au({}))).toMatchObject({ ok: true, address: { region: "NSW", postalCode: "2000" } });
    expect(errorsOf(au({ postalCode: "200" })).postalCode).toBe("Enter a valid postal code for AU, e.g. 2000");
    expect(errorsOf(au({ region: "" })).region).toBe("Enter the state or territory");
    expect(errorsOf(au({ region: "Queensland" })).region).toMatch(/state or territory as its code/);
  });

  it("Japan: 123-4567 (hyphen added) and a prefecture", () => {
    const jp = (o: Partial<AddressInput>) => ({ country: "JP", city: "Chiyoda-ku", region: "Tokyo", postalCode: "1000001", ...o });
    expect(check(jp({}))).toMatchObject({ ok: true, address: { postalCode: "100-0001", region: "Tokyo" } });
    expect(postalOf(jp({ postalCode: "100-0001" }))).toBe("100-0001");
    expect(errorsOf(jp({ postalCode: "100-001" })).postalCode).toBe("Enter a valid postal code for JP, e.g. 100-0001");
    expect(errorsOf(jp({ region: " " })).region).toBe("Enter the prefecture");
  });

  it("other countries: a loose postal code, region optional", () => {
    expect(postalOf({ country: "NL", region: null, postalCode: "1012 ab" })).toBe("1012 AB");
    expect(postalOf({ country: "FR", region: null, postalCode: "75001" })).toBe("75001");
    expect(errorsOf({ country: "FR", region: null, postalCode: "75_001" }).postalCode).toBe(
      "Postal code may use letters, digits, spaces and hyphens only",
    );
    expect(errorsOf({ country: "FR", region: null, postalCode: "1234567890123" }).postalCode).toBe("Postal code must be at most 12 characters");
  });

  it("hints for the form", () => {
    expect(postalCodeExample("ca")).toBe("K1A 0B1");
    expect(postalCodeExample("FR")).toBeNull();
    expect(regionRule("US")).toEqual({ label: "state", required: true });
    expect(regionRule("DE")).toEqual({ label: "region", required: false });
  });
});
