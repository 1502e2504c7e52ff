import "server-only";
import { z } from "zod";
import { invalid } from "../errors/app-error";

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

export async function parseSignInCodeRequest(req: Request, form: boolean): Promise<SignInCodeRequest> {
  const text = await req.text().catch(() => "");
  if (text.length > 10_000) throw invalid({ body: "is too large" });
  let raw: unknown;
  try {
    raw = form ? Object.fromEntries(new URLSearchParams(text)) : JSON.parse(text);
  } catch {
    throw invalid({ body: "is not valid JSON" });
  }
  const parsed = signInCodeRequestSchema.safeParse(raw);
  if (!parsed.success) throw invalid(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "body", i.message])));
  return parsed.data;
}
