import type { DemandForecastResult } from "./api";

const short = "bg-red-100 font-semibold text-red-800";

/** Units per SKU per week; the first week a SKU runs short of available stock is highlighted. */
export function DemandTable({ forecast }: { forecast: DemandForecastResult }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm" data-testid="forecast-table">
        <caption className="sr-only">Units per SKU per week</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs uppercase text-slate-500">
            <th scope="col" className="py-2 pr-3">
              SKU
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              Available
            </th>
            {forecast.weekly.map((w) => (
              <th key={w.start} scope="col" className="whitespace-nowrap px-2 py-2 text-right">
                {w.start.slice(5)}
              </th>
            ))}
            <th scope="col" className="py-2 pl-3 text-right">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {forecast.skus.map((s) => (
            <tr key={s.productId} className="border-b border-slate-100" data-testid={`forecast-row-${s.sku}`}>
              <th scope="row" className="py-1.5 pr-3 text-left font-medium">
                <span className="block">{s.sku}</span>
                <span className="block text-xs font-normal text-slate-500">{s.name}</span>
              </th>
              <td className="py-1.5 pr-3 text-right tabular-nums">{s.available}</td>
              {s.weekly.map((units, w) => (
                <td
                  key={w}
                  className={`px-2 py-1.5 text-right tabular-nums ${w === s.firstShortWeek ? short : ""}`}
                  title={w === s.firstShortWeek ? "First week demand exceeds available stock" : undefined}
                  data-short={w === s.firstShortWeek ? "true" : undefined}
                >
                  {units}
                </td>
              ))}
              <td className="py-1.5 pl-3 text-right font-semibold tabular-nums">{s.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Units per SKU for each of the next 14 days. */
export function DailyTable({ forecast }: { forecast: DemandForecastResult }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm" data-testid="forecast-daily">
        <caption className="sr-only">Units per SKU per day, next 14 days</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs uppercase text-slate-500">
            <th scope="col" className="py-2 pr-3">
              SKU
            </th>
            {forecast.daily.map((d) => (
              <th key={d.start} scope="col" className="whitespace-nowrap px-2 py-2 text-right">
                {d.start.slice(5)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {forecast.skus.map((s) => (
            <tr key={s.productId} className="border-b border-slate-100">
              <th scope="row" className="py-1.5 pr-3 text-left font-medium">
                {s.sku}
              </th>
              {s.daily.map((units, d) => (
                <td key={d} className="px-2 py-1.5 text-right tabular-nums">
                  {units || ""}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
