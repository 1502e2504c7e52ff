import "server-only";
import { invalid } from "../errors/app-error";
import { type SignInCodeRequest, signInCodeRequestSchema } from "./sign-in-code-request.schema";

/** The JSON body or the plain form's fields, read with the route contract's body schema (one bounded read either way). */
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
