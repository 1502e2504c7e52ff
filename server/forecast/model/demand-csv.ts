import type { DemandForecast } from "./demand";

/** RFC 4180 field: quoted when it holds a comma, quote or line break; formulas defused. */
function field(value: string | number): string {
  let s = String(value);
  // A cell starting with = + - @ is run as a formula by spreadsheets (CSV injection).
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One row per SKU: units per week, on-hand, available and the first short week (1-based). */
export function demandCsv(forecast: DemandForecast): string {
  const header = ["sku", "name", "on_hand", "available", ...forecast.weekly.map((w) => `week_of_${w.start}`), "total", "first_short_week_of"];
  const rows = forecast.skus.map((s) => [
    s.sku,
    s.name,
    s.onHand,
    s.available,
    ...s.weekly,
    s.total,
    s.firstShortWeek === null ? "" : forecast.weekly[s.firstShortWeek]!.start,
  ]);
  return [header, ...rows].map((r) => r.map(field).join(",")).join("\r\n") + "\r\n";
}
