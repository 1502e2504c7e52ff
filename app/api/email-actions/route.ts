import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { env } from "@/server/env";
import { sealRefusal } from "@/server/subscriptions/email-action-links";
import { performEmailAction } from "@/server/subscriptions/perform-email-action";

/**
 * The confirmation page's button (a plain form POST, so it works without JavaScript). No
 * session: the signed token in the form is the authority. Answers with a redirect back to the
 * page, which shows the outcome (POST-redirect-GET: a reload never repeats the action).
 */
export async function POST(req: Request) {
  const form = await req.formData().catch(() => null);
  const token = form?.get("token");
  const back = (token: string, query: Record<string, string>) =>
    NextResponse.redirect(new URL(`/email-actions/${encodeURIComponent(token)}?${new URLSearchParams(query)}`, env().APP_URL), 303);
  if (typeof token !== "string" || token.length > 200)
    return NextResponse.json({ error: { code: "VALIDATION", fields: { token: "is missing" } } }, { status: 422 });

  const result = await performEmailAction(getDb(), token, new Date());
  if (result.kind === "refused") return back(token, { refused: result.message, seal: sealRefusal(token, result.message) });
  return back(token, result.kind === "done" ? { done: "1" } : {});
}
