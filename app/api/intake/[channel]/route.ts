import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { toErrorResponse } from "@/server/errors/to-error-response";
import { channelSchema } from "@/server/intake/adapters/canonical-order";
import { receiveIntake } from "@/server/intake/receive-intake";

export const dynamic = "force-dynamic";

/**
 * Order intake webhook for shopify | woocommerce | bigcommerce | api. Authenticated by the
 * channel's HMAC over the raw body (not by session), so it reads the exact bytes.
 * See docs/intake-governance.md for statuses and responses.
 */
export async function POST(req: Request, context: { params: Promise<{ channel: string }> }) {
  const channel = channelSchema.safeParse((await context.params).channel);
  if (!channel.success) {
    return NextResponse.json({ error: { code: "NOT_FOUND", message: "Unknown intake channel" } }, { status: 404 });
  }
  try {
    const body = new Uint8Array(await req.arrayBuffer());
    const res = await receiveIntake(getDb(), { channel: channel.data, body, headers: req.headers }, { now: new Date() });
    return NextResponse.json(res.body, { status: res.status, headers: res.headers });
  } catch (e) {
    // Only reached if the payload could not even be stored: a 5xx makes the channel redeliver.
    const { status, body } = toErrorResponse(e);
    return NextResponse.json(body, { status: status === 500 ? 503 : status });
  }
}
