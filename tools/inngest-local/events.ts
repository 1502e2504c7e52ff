import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { InngestEvent } from "./types";

/**
 * What `POST /e/:key` accepts. The SDK's `_send` always sends an array of
 * `{ name, data, id?, ts, meta? }`; humans and curl may send a single object.
 * Unknown fields are kept (and handed to functions) rather than dropped.
 */
const incomingEvent = z.looseObject({
  name: z.string().min(1, "event name must not be empty"),
  data: z.record(z.string(), z.unknown()).nullish(),
  id: z.string().nullish(),
  ts: z.number().nullish(),
  v: z.string().nullish(),
  user: z.record(z.string(), z.unknown()).nullish(),
});

/** Callers wrap a single object in an array first, so errors name the field (`[0].name`). */
export const incomingEventsSchema = z.array(incomingEvent);

export type IncomingEvent = z.infer<typeof incomingEvent>;

const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A ULID (what Inngest uses for event and run ids) from a time and 10 bytes. */
export function ulid(timeMs: number = Date.now(), entropy: Uint8Array = randomBytes(10)): string {
  let time = "";
  let t = Math.floor(timeMs);
  for (let i = 0; i < 10; i++) {
    time = (crockford[t % 32] ?? "0") + time;
    t = Math.floor(t / 32);
  }
  // 80 bits of entropy → 16 base32 chars, read 5 bits at a time.
  let bits = 0;
  let acc = 0;
  let rand = "";
  for (const byte of entropy.subarray(0, 10)) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      rand += crockford[(acc >> (bits - 5)) & 31];
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
  }
  return time + rand;
}

/**
 * The SDK sends `x-inngest-event-id-seed: <millis>,<base64 entropy>` so that
 * its own retries of a send produce the same ids; derive ids from it so a
 * retried send is deduplicated instead of triggering functions twice.
 */
function seededId(seed: string, index: number): string | undefined {
  const [millis, entropy] = seed.split(",");
  const time = Number(millis);
  if (!Number.isFinite(time) || !entropy) return undefined;
  const digest = createHash("sha256").update(`${entropy}:${index}`).digest();
  return ulid(time, digest.subarray(0, 10));
}

export function normalizeEvents(raw: IncomingEvent[], now: number, seed?: string | null): InngestEvent[] {
  return raw.map((e, i) => {
    const { id, ts, data, v, user, ...rest } = e;
    const event: InngestEvent = {
      ...rest,
      id: id || (seed ? seededId(seed, i) : undefined) || ulid(now),
      name: e.name,
      data: data ?? {},
      ts: ts ?? now,
    };
    if (v) event.v = v;
    if (user) event.user = user;
    return event;
  });
}

/** Event names ending in `*` are prefix wildcards, as in Inngest triggers. */
export function eventNameMatches(pattern: string, name: string): boolean {
  return pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : pattern === name;
}
