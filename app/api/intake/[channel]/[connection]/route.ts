import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { toErrorResponse } from "@/server/errors/to-error-response";
import { channelSchema } from "@/server/intake/adapters/canonical-order";
import { findConnectionForWebhook } from "@/server/intake/connectors/find-connection-for-webhook";
import { env } from "@/server/env";
import { readBoundedBody } from "@/server/http/read-bounded-body";
import { MAX_INTAKE_BODY_BYTES, receiveIntake } from "@/server/intake/receive-intake";
import { clientIp } from "@/server/security/client-ip";

export const dynamic = "force-dynamic";

const notFound = () => NextResponse.json({ error: { code: "NOT_FOUND", message: "Unknown store connection" } }, { status: 404 });

/**
 * Webhooks of one connected store (docs/intake.md, "Connected stores"): verified with that
 * store's own secret, then the same intake flow as /api/intake/:channel (stored first, processed,
 * BigCommerce thin webhooks fetched from the store's API).
 */
export async function POST(req: Request, context: { params: Promise<{ channel: string; connection: string }> }) {
  const params = await context.params;
  const channel = channelSchema.safeParse(params.channel);
  const id = z.uuid().safeParse(params.connection);
  if (!channel.success || !id.success) return notFound();
  try {
    const connection = await findConnectionForWebhook(getDb(), channel.data, id.data);
    if (!connection) return notFound();
    const { body, tooLarge } = await readBoundedBody(req, MAX_INTAKE_BODY_BYTES);
    const ip = clientIp(req.headers, env().TRUSTED_PROXY_HOPS);
    const res = await receiveIntake(
      getDb(),
      { channel: channel.data, body, headers: req.headers, clientIp: ip, tooLarge, connection },
      { now: new Date() },
    );
    return NextResponse.json(res.body, { status: res.status, headers: res.headers });
  } catch (e) {
    const { status, body, headers } = toErrorResponse(e);
    return NextResponse.json(body, { status: status === 500 ? 503 : status, headers });
  }
}
