/** Display helpers shared by the staff pages. Pure; `now` is passed in where time matters. */

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** 12345 EUR → "€123.45". Unknown currency codes fall back to "123.45 XYZ". */
export function formatMoney(minor: number, currency: string): string {
  const key = currency.toUpperCase();
  let fmt = moneyFormats.get(key);
  if (!fmt) {
    try {
      fmt = new Intl.NumberFormat("en-US", { style: "currency", currency: key });
    } catch {
      return `${(minor / 100).toFixed(2)} ${key}`;
    }
    moneyFormats.set(key, fmt);
  }
  const digits = fmt.resolvedOptions().maximumFractionDigits ?? 2;
  return fmt.format(minor / 10 ** digits);
}

/**
 * Compact duration with the two largest units: 7500 → "2h 5m", 45 → "45s", 172800 → "2d".
 * Used for ages in the review queue and times in state on the dashboard.
 */
export function formatDuration(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds) || totalSeconds < 0) return "–";
  const s = Math.floor(totalSeconds);
  if (s < 60) return `${s}s`;
  const units: Array<[string, number]> = [
    ["d", 86_400],
    ["h", 3_600],
    ["m", 60],
    ["s", 1],
  ];
  const parts: string[] = [];
  let rest = s;
  for (const [unit, size] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || parts.length > 0) parts.push(`${n}${unit}`);
    if (parts.length === 2) break;
  }
  return parts.filter((p) => !p.startsWith("0")).join(" ");
}

export function formatPercent(ratio: number, digits = 1): string {
  return Number.isFinite(ratio) ? `${(ratio * 100).toFixed(digits)}%` : "–";
}

export function formatDateTime(iso: string | Date): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  return Number.isNaN(d.getTime()) ? "–" : d.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });
}

/** "just now", "12s ago", "3m ago" for live-refresh indicators. */
export function formatAgo(thenMs: number, nowMs: number): string {
  const s = Math.max(0, Math.round((nowMs - thenMs) / 1000));
  return s < 2 ? "just now" : `${formatDuration(s)} ago`;
}
