import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { toErrorResponse } from "@/server/errors/to-error-response";
import { channelSchema } from "@/server/intake/adapters/canonical-order";
import { env } from "@/server/env";
import { readBoundedBody } from "@/server/http/read-bounded-body";
import { MAX_INTAKE_BODY_BYTES, receiveIntake } from "@/server/intake/receive-intake";
import { clientIp } from "@/server/security/client-ip";

export const dynamic = "force-dynamic";

/**
 * Order intake webhook for shopify | woocommerce | bigcommerce | api. Authenticated by the
 * channel's HMAC over the raw body (not by session), so it reads the exact bytes — at most
 * MAX_INTAKE_BODY_BYTES of them: Content-Length is checked first, and the stream cut at the limit.
 * See docs/intake-governance.md for statuses and responses.
 */
export async function POST(req: Request, context: { params: Promise<{ channel: string }> }) {
  const channel = channelSchema.safeParse((await context.params).channel);
  if (!channel.success) {
    return NextResponse.json({ error: { code: "NOT_FOUND", message: "Unknown intake channel" } }, { status: 404 });
  }
  try {
    const { body, tooLarge } = await readBoundedBody(req, MAX_INTAKE_BODY_BYTES);
    const ip = clientIp(req.headers, env().TRUSTED_PROXY_HOPS);
    const res = await receiveIntake(getDb(), { channel: channel.data, body, headers: req.headers, clientIp: ip, tooLarge }, { now: new Date() });
    return NextResponse.json(res.body, { status: res.status, headers: res.headers });
  } catch (e) {
    // Too many unsigned requests from this address (429, Retry-After, nothing stored), or the
    // payload could not even be stored: a 5xx makes the channel redeliver.
    const { status, body, headers } = toErrorResponse(e);
    return NextResponse.json(body, { status: status === 500 ? 503 : status, headers });
  }
}
