/**
 * Standard 5-field cron (minute hour day-of-month month day-of-week) with an
 * optional `TZ=Area/City ` (or `CRON_TZ=`) prefix, as Inngest accepts it.
 * Evaluated once per minute by the executor, so only "does this minute match"
 * is needed — no next-run search.
 */

export interface CronSchedule {
  expression: string;
  timezone: string;
  matches(at: Date): boolean;
}

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: string[];
}

const fields: FieldSpec[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day-of-month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"] },
  { name: "day-of-week", min: 0, max: 7, names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"] },
];

const macros: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

export class CronError extends Error {
  override name = "CronError";
}

function parseValue(raw: string, spec: FieldSpec): number {
  const upper = raw.toUpperCase();
  const named = spec.names?.indexOf(upper) ?? -1;
  // Month names are 1-based, weekday names 0-based (SUN = 0).
  if (named >= 0) return spec.name === "month" ? named + 1 : named;
  if (!/^\d+$/.test(raw)) throw new CronError(`invalid ${spec.name} value "${raw}"`);
  const value = Number(raw);
  if (value < spec.min || value > spec.max) throw new CronError(`${spec.name} value ${value} out of range ${spec.min}-${spec.max}`);
  return value;
}

function parseField(text: string, spec: FieldSpec): { values: Set<number>; wildcard: boolean } {
  const values = new Set<number>();
  const wildcard = text === "*" || text === "?";
  for (const item of text.split(",")) {
    const [range = "", stepText] = item.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new CronError(`invalid step "${stepText}" in ${spec.name}`);
    let lo: number;
    let hi: number;
    if (range === "*" || range === "?") [lo, hi] = [spec.min, spec.max];
    else if (range.includes("-")) {
      const [a = "", b = ""] = range.split("-");
      [lo, hi] = [parseValue(a, spec), parseValue(b, spec)];
      if (lo > hi) throw new CronError(`descending range "${range}" in ${spec.name}`);
    } else {
      lo = parseValue(range, spec);
      // "5/15" means "from 5, every 15" up to the field maximum.
      hi = stepText === undefined ? lo : spec.max;
    }
    for (let v = lo; v <= hi; v += step) values.add(spec.name === "day-of-week" && v === 7 ? 0 : v);
  }
  return { values, wildcard };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function zonedParts(at: Date, timezone: string): number[] {
  let fmt = formatters.get(timezone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      minute: "numeric",
      hour: "numeric",
      day: "numeric",
      month: "numeric",
      weekday: "short",
    });
    formatters.set(timezone, fmt);
  }
  const parts = Object.fromEntries(fmt.formatToParts(at).map((p) => [p.type, p.value]));
  const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(parts.weekday ?? "");
  return [Number(parts.minute), Number(parts.hour), Number(parts.day), Number(parts.month), weekday];
}

export function parseCron(input: string): CronSchedule {
  let text = input.trim();
  let timezone = "UTC";
  const tz = /^(?:CRON_)?TZ=(\S+)\s+/.exec(text);
  if (tz) {
    timezone = tz[1] ?? "UTC";
    text = text.slice(tz[0].length).trim();
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: timezone });
    } catch {
      throw new CronError(`unknown timezone "${timezone}"`);
    }
  }
  text = macros[text.toLowerCase()] ?? text;
  const parts = text.split(/\s+/);
  if (parts.length !== 5) throw new CronError(`expected 5 fields, got ${parts.length} in "${input}"`);
  const parsed = parts.map((p, i) => parseField(p, fields[i] as FieldSpec));
  const [minute, hour, dom, month, dow] = parsed as [
    (typeof parsed)[0],
    (typeof parsed)[0],
    (typeof parsed)[0],
    (typeof parsed)[0],
    (typeof parsed)[0],
  ];

  return {
    expression: input,
    timezone,
    matches(at: Date) {
      const [mi, h, d, mo, wd] = zonedParts(at, timezone) as [number, number, number, number, number];
      if (!minute.values.has(mi) || !hour.values.has(h) || !month.values.has(mo)) return false;
      // Vixie-cron rule: when both day fields are restricted, either may match.
      if (!dom.wildcard && !dow.wildcard) return dom.values.has(d) || dow.values.has(wd);
      return dom.values.has(d) && dow.values.has(wd);
    },
  };
}
