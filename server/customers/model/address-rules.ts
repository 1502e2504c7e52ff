/**
 * The address rules, pure (the portal form runs them as you type, the API through the zod
 * schema in address.schema.ts): every field gets its own clear reason, and a valid address comes
 * back normalized (trimmed, postal code and region in the form the carrier expects).
 *
 * Postal code and region rules exist for the countries we ship to most (US, CA, GB, DE, AU, JP);
 * any other ISO 3166 country gets a loose postal-code check (letters, digits, spaces, hyphens).
 */
import { isCountryCode } from "./countries";

export interface AddressInput {
  name: string;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode: string;
  country: string;
}

/** The stored shape: optional parts null, everything trimmed and normalized. */
export interface NormalizedAddress {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
}

export type AddressField = keyof AddressInput;
export type AddressErrors = Partial<Record<AddressField, string>>;
export type AddressCheck = { ok: true; address: NormalizedAddress } | { ok: false; errors: AddressErrors };

export const ADDRESS_LIMITS = { name: 100, line1: 100, line2: 100, city: 60, region: 60, postalCode: 12 } as const;

const US_STATES = new Set(
  (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT " +
    "VA WA WV WI WY DC AS GU MP PR VI UM AA AE AP"
  ).split(" "),
);
const CA_PROVINCES = new Set("AB BC MB NB NL NS NT NU ON PE QC SK YT".split(" "));
const AU_STATES = new Set("ACT NSW NT QLD SA TAS VIC WA".split(" "));

interface CountryRule {
  /** Uppercased, inner whitespace collapsed; returns the normalized code or null when invalid. */
  postal: (code: string) => string | null;
  postalExample: string;
  /** Absent: region optional, free text. */
  region?: { label: string; codes?: ReadonlySet<string> };
}

const RULES: Partial<Record<string, CountryRule>> = {
  US: {
    postal: (c) => (/^\d{5}(-\d{4})?$/.test(c) ? c : /^\d{9}$/.test(c) ? `${c.slice(0, 5)}-${c.slice(5)}` : null),
    postalExample: "12345 or 12345-6789",
    region: { label: "state", codes: US_STATES },
  },
  CA: {
    // No D, F, I, O, Q, U anywhere; no W or Z as the first letter.
    postal: (c) => {
      const m = /^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]) ?(\d[ABCEGHJ-NPRSTV-Z]\d)$/.exec(c);
      return m ? `${m[1]} ${m[2]}` : null;
    },
    postalExample: "K1A 0B1",
    region: { label: "province or territory", codes: CA_PROVINCES },
  },
  GB: {
    postal: (c) => {
      const m = /^([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})$/.exec(c) ?? /^(GIR) ?(0AA)$/.exec(c);
      return m ? `${m[1]} ${m[2]}` : null;
    },
    postalExample: "SW1A 1AA",
  },
  DE: { postal: (c) => (/^\d{5}$/.test(c) ? c : null), postalExample: "10115" },
  AU: {
    postal: (c) => (/^\d{4}$/.test(c) ? c : null),
    postalExample: "2000",
    region: { label: "state or territory", codes: AU_STATES },
  },
  JP: {
    postal: (c) => {
      const m = /^(\d{3})-?(\d{4})$/.exec(c);
      return m ? `${m[1]}-${m[2]}` : null;
    },
    postalExample: "100-0001",
    region: { label: "prefecture" },
  },
};

const GENERIC_POSTAL = /^[A-Z0-9][A-Z0-9 -]{0,10}[A-Z0-9]$|^[A-Z0-9]$/;
// Control characters (tabs, newlines, NUL…) have no place on a label; lone surrogates can't be stored.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const tidy = (v: string | null | undefined) => (v ?? "").trim().replace(/\s+/g, " ");

/** The postal-code rule the form shows as a hint for `country` (null: the generic one). */
export function postalCodeExample(country: string): string | null {
  return RULES[country.trim().toUpperCase()]?.postalExample ?? null;
}

/** Whether `country` needs a region, and what it is called there (the form's label). */
export function regionRule(country: string): { label: string; required: boolean } {
  const rule = RULES[country.trim().toUpperCase()]?.region;
  return rule ? { label: rule.label, required: true } : { label: "region", required: false };
}

export function validateAddress(input: AddressInput): AddressCheck {
  const errors: AddressErrors = {};
  const text = (field: AddressField, label: string, required: boolean): string | null => {
    const raw = input[field];
    if (raw !== undefined && raw !== null && typeof raw !== "string") {
      errors[field] = `${label} must be text`;
      return null;
    }
    if (typeof raw === "string" && UNPRINTABLE.test(raw.replace(/[\t\n\r]/g, " "))) {
      errors[field] = `${label} contains a character that is not allowed`;
      return null;
    }
    const value = tidy(raw);
    if (value === "") {
      if (required) errors[field] = `Enter the ${label.toLowerCase()}`;
      return null;
    }
    const max = ADDRESS_LIMITS[field as keyof typeof ADDRESS_LIMITS];
    if (max !== undefined && value.length > max) {
      errors[field] = `${label} must be at most ${max} characters`;
      return null;
    }
    return value;
  };

  const name = text("name", "Name", true);
  const line1 = text("line1", "Address line 1", true);
  const line2 = text("line2", "Address line 2", false);
  const city = text("city", "City", true);

  const countryRaw = tidy(input.country).toUpperCase();
  let country: string | null = null;
  if (countryRaw === "") errors.country = "Choose the country";
  else if (!/^[A-Z]{2}$/.test(countryRaw)) errors.country = "Use the two-letter country code (ISO 3166), e.g. US or DE";
  else if (!isCountryCode(countryRaw)) errors.country = `${countryRaw} is not a country code (ISO 3166)`;
  else country = countryRaw;
  const rule = country ? RULES[country] : undefined;

  let region = text("region", rule?.region ? capitalize(rule.region.label) : "Region", Boolean(rule?.region));
  if (region !== null && rule?.region?.codes) {
    const code = region.toUpperCase();
    if (!rule.region.codes.has(code)) {
      errors.region = `Enter the ${rule.region.label} as its code, e.g. ${[...rule.region.codes].slice(0, 3).join(", ")}`;
    } else region = code;
  }

  let postalCode: string | null = null;
  const postalRaw = text("postalCode", "Postal code", true);
  if (postalRaw !== null) {
    const upper = postalRaw.toUpperCase();
    if (rule) {
      postalCode = rule.postal(upper);
      if (postalCode === null) errors.postalCode = `Enter a valid postal code for ${country}, e.g. ${rule.postalExample}`;
    } else if (GENERIC_POSTAL.test(upper)) postalCode = upper;
    else errors.postalCode = "Postal code may use letters, digits, spaces and hyphens only";
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, address: { name: name!, line1: line1!, line2, city: city!, region, postalCode: postalCode!, country: country! } };
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
