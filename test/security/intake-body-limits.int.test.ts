import { createHash } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { intakePayloads, rateLimits } from "@/db/schema";
import { POST as intakePOST } from "@/app/api/intake/[channel]/route";
import { purgeSecurityRecords } from "@/inngest/functions/purge-security-records";
import { signFor } from "@/test/support/intake/sign-for";
import { MAX_INTAKE_BODY_BYTES } from "@/server/intake/receive-intake";

/**
 * Finding 3 of the security review (#17), intake part: anonymous unsigned requests were stored
 * with up to 2 MiB of body each (5 requests grew intake_payloads by 10.4 MB), the body read
 * whole before its size was checked, and rejected payloads were kept forever.
 */
vi.hoisted(() => {
  Object.assign(process.env, { RATE_LIMIT_INTAKE_IP_POINTS: "3", INTAKE_REJECTED_RETENTION_DAYS: "30" });
});

const CHUNK = 64 * 1024;

/** A body that streams `total` bytes on demand and counts how many the server pulled. */
function countingStream(total: number) {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (counter.pulled >= total) return controller.close();
        const size = Math.min(CHUNK, total - counter.pulled);
        counter.pulled += size;
        controller.enqueue(new Uint8Array(size).fill(0x7b));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, counter };
}

async function post(channel: string, body: BodyInit, headers: Record<string, string>) {
  const req = new Request(`http://localhost/api/intake/${channel}`, { method: "POST", body, headers, duplex: "half" } as RequestInit);
  const res = await intakePOST(req, { params: Promise.resolve({ channel }) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as { payloadId?: string; error?: { code: string } } };
}

const row = async (id: string) => (await getDb().select().from(intakePayloads).where(eq(intakePayloads.id, id)))[0]!;
const countRows = async () => Number((await getDb().execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM intake_payloads`))[0]!.n);

describe("intake bodies: bounded before they are read", () => {
  it("a Content-Length over the limit is refused (413) before a byte is read; only headers and size are stored", async () => {
    const { stream, counter } = countingStream(10 * 1024 * 1024);
    const res = await post("shopify", stream, {
      "content-type": "application/json",
      "content-length": String(10 * 1024 * 1024),
      "x-forwarded-for": "203.0.113.1",
    });
    expect(res.status).toBe(413);
    expect(counter.pulled).toBeLessThanOrEqual(CHUNK);
    const stored = await row(res.body.payloadId!);
    expect(stored).toMatchObject({ status: "rejected", reason: "body_too_large", rawBody: "", signatureValid: false });
    expect(stored.headers["x-replen-body-bytes"]).toBe(`>${MAX_INTAKE_BODY_BYTES}`);
    expect(stored.headers["content-length"]).toBe(String(10 * 1024 * 1024));
  });

  it("a body streamed past the limit without Content-Length is cut there, not read whole", async () => {
    const total = 8 * 1024 * 1024;
    const { stream, counter } = countingStream(total);
    const res = await post("api", stream, { "content-type": "application/json", "x-forwarded-for": "203.0.113.2" });
    expect(res.status).toBe(413);
    expect(counter.pulled).toBeLessThanOrEqual(MAX_INTAKE_BODY_BYTES + 2 * CHUNK);
    expect(counter.pulled).toBeLessThan(total);
    expect(await row(res.body.payloadId!)).toMatchObject({ status: "rejected", reason: "body_too_large", rawBody: "" });
  });
});

describe("unsigned intake: hash, size and headers only, and limited per IP", () => {
  it("a bad or missing signature stores no body text — only its SHA-256, its length and the headers", async () => {
    const raw = JSON.stringify({ id: 1, note: "x".repeat(100_000) });
    const res = await post("shopify", raw, { ...signFor("shopify", raw, "not-the-secret"), "x-forwarded-for": "203.0.113.3" });
    expect(res.status).toBe(401);
    const stored = await row(res.body.payloadId!);
    expect(stored).toMatchObject({
      status: "rejected",
      reason: "bad_signature",
      rawBody: "",
      correctedBody: null,
      canonical: null,
      signatureValid: false,
    });
    expect(stored.bodySha256).toBe(createHash("sha256").update(raw).digest("hex"));
    expect(stored.headers["x-replen-body-bytes"]).toBe(String(Buffer.byteLength(raw)));
    expect(JSON.stringify(stored)).not.toContain("xxxxxxxxxx");
  });

  it("the 4th unsigned request from one IP is 429 with Retry-After and stored nowhere; signed requests still pass", async () => {
    const before = await countRows();
    for (let i = 0; i < 3; i++)
      expect((await post("api", `{"n":${i}}`, { "content-type": "application/json", "x-forwarded-for": "198.51.100.9" })).status).toBe(401);
    const refused = await post("api", '{"n":4}', { "content-type": "application/json", "x-forwarded-for": "198.51.100.9" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.body.error).toMatchObject({ code: "RATE_LIMITED" });
    expect(await countRows()).toBe(before + 3);

    // A channel's signed request from the same address is not refused (it is kept, body and all).
    const raw = '{"id": 5, "lines": [';
    const signed = await post("api", raw, { ...signFor("api", raw, "dev-api-secret"), "x-forwarded-for": "198.51.100.9" });
    expect(signed.status).toBe(400);
    expect(await row(signed.body.payloadId!)).toMatchObject({ signatureValid: true, rawBody: raw, status: "dead_lettered" });
  });
});

describe("retention: purge-security-records", () => {
  it("deletes rejected payloads older than INTAKE_REJECTED_RETENTION_DAYS, and expired limit windows — nothing else", async () => {
    const db = getDb();
    const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
    const base = { channel: "api" as const, rawBody: "", bodySha256: "h", headers: {}, signatureValid: false };
    const rows = await db
      .insert(intakePayloads)
      .values([
        { ...base, status: "rejected", reason: "bad_signature", receivedAt: daysAgo(31) },
        { ...base, status: "rejected", reason: "body_too_large", receivedAt: daysAgo(29) },
        { ...base, status: "dead_lettered", reason: "malformed_body", receivedAt: daysAgo(90), signatureValid: true, rawBody: "{" },
        { ...base, status: "ignored", reason: "test_order", receivedAt: daysAgo(90), signatureValid: true },
      ])
      .returning({ id: intakePayloads.id });
    const [oldRejected, recentRejected, oldDead, oldIgnored] = rows.map((r) => r.id);
    await db.insert(rateLimits).values([
      { key: "signin_ip:test-expired", points: 9, expire: Date.now() - 2 * 3_600_000 },
      { key: "signin_ip:test-live", points: 1, expire: Date.now() + 600_000 },
    ]);

    const { result } = await new InngestTestEngine({ function: purgeSecurityRecords }).execute();
    expect(result).toMatchObject({ rejectedPayloads: expect.any(Number), expiredLimits: expect.any(Number) });
    const left = (
      await db
        .select({ id: intakePayloads.id })
        .from(intakePayloads)
        .where(
          inArray(
            intakePayloads.id,
            rows.map((r) => r.id),
          ),
        )
    ).map((r) => r.id);
    expect(left.sort()).toEqual([recentRejected, oldDead, oldIgnored].sort());
    expect(left).not.toContain(oldRejected);
    const keys = (
      await db
        .select({ key: rateLimits.key })
        .from(rateLimits)
        .where(sql`${rateLimits.key} LIKE 'signin_ip:test-%'`)
    ).map((r) => r.key);
    expect(keys).toEqual(["signin_ip:test-live"]);
  });
});
