import { z } from "zod";

/** "Email me a code": the JSON body, or the same fields posted by the plain form. */
export const signInCodeRequestSchema = z.object({
  email: z.string().trim().toLowerCase().max(254, "Enter a valid email address").email("Enter a valid email address"),
  callbackUrl: z.string().max(2000).optional(),
});
export type SignInCodeRequest = z.infer<typeof signInCodeRequestSchema>;

/** The one answer to a valid request, whether or not the email has an account (no enumeration). */
export const SIGN_IN_CODE_ACCEPTED = {
  status: "SIGN_IN_CODE_SENT",
  message: "If this email has an account, a sign-in code is on its way. It works once, for a few minutes.",
} as const;

export const signInCodeAcceptedSchema = z.object({ status: z.literal(SIGN_IN_CODE_ACCEPTED.status), message: z.string() });
