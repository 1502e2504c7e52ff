"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/components/ui/fetch-json";
import { Field, Input, Select } from "@/components/ui/field";
import type { AddressRequest } from "@/server/customers/address.schema";
import { COUNTRY_CODES, postalCodeExample, regionRule, validateAddress, type AddressErrors } from "@/server/customers/model";
import type { AddressDto } from "./queries";

type Values = { name: string; line1: string; line2: string; city: string; region: string; postalCode: string; country: string };

const EMPTY: Values = { name: "", line1: "", line2: "", city: "", region: "", postalCode: "", country: "US" };

// Names from the runtime's ICU; sorted by code-point order so server and browser render the same list.
const COUNTRIES: ReadonlyArray<{ code: string; name: string }> = (() => {
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  return COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
})();

/**
 * Add or edit an address. The pure validator (the server's own rules) runs on submit and then as
 * the customer fixes each field, so errors name the field and the reason before any request;
 * the server's field errors, if any, show the same way.
 */
export function AddressForm({
  initial,
  submitLabel,
  busy,
  serverError,
  onSubmit,
  onCancel,
}: {
  initial?: AddressDto;
  submitLabel: string;
  busy: boolean;
  serverError: unknown;
  onSubmit: (input: AddressRequest) => void;
  onCancel: () => void;
}) {
  // Only the editable fields: the DTO's id, flags and usedBy must not travel back in the request.
  const [values, setValues] = useState<Values>(() =>
    initial
      ? {
          name: initial.name,
          line1: initial.line1,
          line2: initial.line2 ?? "",
          city: initial.city,
          region: initial.region ?? "",
          postalCode: initial.postalCode,
          country: initial.country,
        }
      : EMPTY,
  );
  const [checked, setChecked] = useState(false);
  const local: AddressErrors = useMemo(() => {
    if (!checked) return {};
    const result = validateAddress(values);
    return result.ok ? {} : result.errors;
  }, [checked, values]);
  const server = serverError instanceof ApiError && serverError.fields ? (serverError.fields as AddressErrors) : {};
  const errors: AddressErrors = { ...server, ...local };
  const region = regionRule(values.country);
  const example = postalCodeExample(values.country);
  const set = (field: keyof Values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));

  return (
    <form
      noValidate
      aria-label={initial ? "Edit address" : "New address"}
      className="grid gap-4 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        setChecked(true);
        if (validateAddress(values).ok) onSubmit({ ...values, line2: values.line2 || null, region: values.region || null });
      }}
    >
      <div className="sm:col-span-2">
        <Field label="Full name" error={errors.name}>
          {(p) => <Input {...p} autoComplete="name" value={values.name} onChange={set("name")} />}
        </Field>
      </div>
      <div className="sm:col-span-2">
        <Field label="Country" error={errors.country}>
          {(p) => (
            <Select {...p} autoComplete="country" value={values.country} onChange={set("country")}>
              {COUNTRIES.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <div className="sm:col-span-2">
        <Field label="Address line 1" error={errors.line1} hint="Street and number">
          {(p) => <Input {...p} autoComplete="address-line1" value={values.line1} onChange={set("line1")} />}
        </Field>
      </div>
      <div className="sm:col-span-2">
        <Field label="Address line 2 (optional)" error={errors.line2} hint="Apartment, suite, building">
          {(p) => <Input {...p} autoComplete="address-line2" value={values.line2} onChange={set("line2")} />}
        </Field>
      </div>
      <Field label="City" error={errors.city}>
        {(p) => <Input {...p} autoComplete="address-level2" value={values.city} onChange={set("city")} />}
      </Field>
      <Field
        label={`${capitalize(region.label)}${region.required ? "" : " (optional)"}`}
        error={errors.region}
        hint={region.required && values.country !== "JP" ? "Its code, e.g. NY or ON" : undefined}
      >
        {(p) => <Input {...p} autoComplete="address-level1" value={values.region} onChange={set("region")} />}
      </Field>
      <Field label="Postal code" error={errors.postalCode} hint={example ? `e.g. ${example}` : undefined}>
        {(p) => <Input {...p} autoComplete="postal-code" value={values.postalCode} onChange={set("postalCode")} />}
      </Field>
      <div className="flex items-end justify-end gap-2 sm:col-span-2">
        {serverError instanceof Error && !(serverError instanceof ApiError && serverError.fields) && (
          <p role="alert" className="mr-auto text-sm text-red-600">
            {serverError.message}
          </p>
        )}
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
