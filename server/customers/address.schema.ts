/**
 * The address book's request and response shapes (pure: the portal form imports them). Every
 * field rule is the pure validator's (model/address-rules.ts), so the form and the API give the
 * same reason for the same field.
 */
import { z } from "zod";
import { requestSchemas, responseSchemas } from "../http/named-schemas";
import { validateAddress } from "./model";

const text = (description: string, missing: string) => z.string({ error: missing }).meta({ description });
const optionalText = (description: string) => z.string().nullish().meta({ description });

export const addressInputSchema = z
  .object({
    name: text("Who the parcel is addressed to.", "Enter the name"),
    line1: text("Street and number.", "Enter the address line 1"),
    line2: optionalText("Apartment, suite, building (optional)."),
    city: text("City or town.", "Enter the city"),
    region: optionalText("State, province, prefecture…: required (as its code) in US, CA and AU, and in JP."),
    postalCode: text(
      "Postal code in the country's format (US 12345, CA K1A 0B1, GB SW1A 1AA, DE 10115, AU 2000, JP 100-0001).",
      "Enter the postal code",
    ),
    country: text("ISO 3166-1 alpha-2 country code, e.g. US.", "Choose the country"),
    isDefault: z.boolean().optional().meta({ description: "Make it the default address (new subscriptions and order-now fall back to it)." }),
  })
  .superRefine((value, ctx) => {
    const check = validateAddress(value);
    if (check.ok) return;
    for (const [path, message] of Object.entries(check.errors)) ctx.addIssue({ code: "custom", path: [path], message });
  })
  .register(requestSchemas, { id: "AddressRequest" });
export type AddressRequest = z.infer<typeof addressInputSchema>;

/** The one-line view of an address other screens show (a subscription's, a delivery's). */
export const addressSummaryDto = z
  .object({
    id: z.string(),
    name: z.string(),
    line1: z.string(),
    city: z.string(),
    postalCode: z.string(),
    country: z.string(),
  })
  .register(responseSchemas, { id: "AddressSummary" });
export type AddressSummaryDto = z.infer<typeof addressSummaryDto>;

export const addressDto = z
  .object({
    id: z.string(),
    name: z.string(),
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string(),
    region: z.string().nullable(),
    postalCode: z.string(),
    country: z.string(),
    isDefault: z.boolean(),
    /** Result of address verification: orders to an invalid address are rejected by the workflow. */
    valid: z.boolean(),
    /** Active or paused subscriptions that ship here (their own address, or one delivery of them): it can't be deleted while any does. */
    usedBy: z.array(
      z.object({
        subscriptionId: z.string(),
        productName: z.string(),
        /** null: the subscription's address; a number: only that delivery (a one-off "send elsewhere"). */
        cycleIndex: z.number().int().nullable(),
      }),
    ),
  })
  .register(responseSchemas, { id: "Address" });
export type AddressDto = z.infer<typeof addressDto>;
