import { z } from "zod";
import { isValidTimeZone } from "../schedule";

export const registerCustomerSchema = z.object({
  name: z.string().trim().min(1, "Enter your name").max(120),
  // 254: the longest address SMTP can deliver (RFC 5321); a longer one overflowed the unique index (#17 fuzz).
  email: z.string().trim().toLowerCase().max(254, "Enter a valid email address").email("Enter a valid email address"),
  password: z.string().min(8, "Use at least 8 characters").max(200),
  timeZone: z.string().refine(isValidTimeZone, "Unknown time zone"),
});
export type RegisterCustomerInput = z.infer<typeof registerCustomerSchema>;

/**
 * The one answer to a valid signup, whether the email was new or already taken, so the
 * response never tells a prober which addresses have accounts (#17).
 */
export const SIGNUP_ACCEPTED = {
  status: "accepted",
  message: "If this email was not registered yet, your account is ready. Sign in with your email and password.",
} as const;
