import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { env } from "@/server/env";
import { toErrorResponse } from "@/server/errors/to-error-response";
import { emailActionRoutes } from "@/server/subscriptions/email-action-routes.schema";
import { sealRefusal } from "@/server/subscriptions/email-action-links";
import { performEmailAction } from "@/server/subscriptions/perform-email-action";

/**
 * The confirmation page's button (a plain form POST, so it works without JavaScript). No
 * session: the signed token in the form is the authority. Answers with a redirect back to the
 * page, which shows the outcome (POST-redirect-GET: a reload never repeats the action).
 */
export async function POST(req: Request) {
  const form = await req.formData().catch(() => null);
  const parsed = emailActionRoutes.perform.body.safeParse({ token: form?.get("token") ?? undefined });
  if (!parsed.success) {
    const { status, body } = toErrorResponse(parsed.error);
    return NextResponse.json(body, { status });
  }
  const { token } = parsed.data;
  const back = (query: Record<string, string>) =>
    NextResponse.redirect(
      new URL(`/email-actions/${encodeURIComponent(token)}?${new URLSearchParams(query)}`, env().APP_URL),
      emailActionRoutes.perform.status,
    );

  const result = await performEmailAction(getDb(), token, new Date());
  if (result.kind === "refused") return back({ refused: result.message, seal: sealRefusal(token, result.message) });
  return back(result.kind === "done" ? { done: "1" } : {});
}
