/**
 * Channel timestamps → "YYYY-MM-DDTHH:mm:ss.sssZ". Parsed by hand rather than with
 * `new Date(text)`: the engine reads a zone-less ISO string as *local* time and its RFC 2822
 * support is implementation-defined, so either could shift an order by hours without a trace.
 */

export type TimestampFormat =
  /** Shopify / api: ISO 8601 with "Z" or a ±hh:mm offset. A zone-less value is rejected. */
  | "iso-offset"
  /** WooCommerce `date_created_gmt`: ISO 8601 without zone that is known to be UTC. */
  | "iso-naive-utc"
  /** BigCommerce V2: RFC 2822, e.g. "Tue, 20 Nov 2012 00:00:00 +0000". */
  | "rfc2822";

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?$/;
const RFC2822 =
  /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? ([+-]\d{4}|GMT|UT|Z)$/;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

type Parts = { year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number };

/** Returns null when the text does not match the format or names an impossible date. */
export function toUtcIso(value: unknown, format: TimestampFormat): string | null {
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (format === "rfc2822") return fromRfc2822(text);
  const m = ISO.exec(text);
  if (!m) return null;
  const zone = m[8];
  if (format === "iso-offset" ? zone === undefined : zone !== undefined && zone !== "Z") return null;
  const parts = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6]),
    ms: Number((m[7] ?? "").padEnd(3, "0").slice(0, 3)), // sub-millisecond digits are dropped
  };
  return build(parts, zone === undefined || zone === "Z" ? 0 : offsetMinutes(zone.replace(":", "")));
}

function fromRfc2822(text: string): string | null {
  const m = RFC2822.exec(text);
  if (!m) return null;
  const [, weekday, day, month, year, hour, minute, second, zone = ""] = m;
  const parts = {
    year: Number(year),
    month: MONTHS.indexOf(month ?? "") + 1,
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second ?? "0"),
    ms: 0,
  };
  const iso = build(parts, /^[+-]/.test(zone) ? offsetMinutes(zone) : 0);
  // A weekday that contradicts the date means the value was assembled wrongly somewhere.
  if (iso === null || weekday === undefined) return iso;
  const civil = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
  return WEEKDAYS[civil.getUTCDay()] === weekday ? iso : null;
}

// "+0530" / "-0500" → minutes east of UTC.
function offsetMinutes(zone: string): number {
  const sign = zone.startsWith("-") ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
}

function build(p: Parts, offset: number): string | null {
  // Date.UTC maps years 0–99 to 1900–1999; no order is that old anyway.
  if (p.year < 1000 || p.month < 1 || p.month > 12 || p.hour > 23 || p.minute > 59 || p.second > 59) return null;
  const local = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.ms);
  // Date.UTC rolls 30 Feb over to 2 Mar; a round-trip check rejects such dates instead.
  if (new Date(local).getUTCDate() !== p.day) return null;
  if (Math.abs(offset) > 18 * 60) return null;
  return new Date(local - offset * 60_000).toISOString();
}
