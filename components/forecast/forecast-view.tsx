"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { AreaChart } from "@/components/dashboard/charts/area-chart";
import { BarChart } from "@/components/dashboard/charts/bar-chart";
import { Card } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/field";
import { formatMoney } from "@/components/ui/format";
import { demandQuery, forecastCsvUrl } from "./api";
import { DailyTable, DemandTable } from "./demand-table";
import { SuggestionsPanel } from "./suggestions-panel";
import { TimeTravelPanel } from "./time-travel-panel";
import { WhatIfPanel } from "./what-if-panel";

const WEEK_CHOICES = [1, 2, 4, 8, 13, 26];

/** /forecast: demand per SKU from the live book, time travel, what-if, and frequency suggestions. */
export function ForecastView() {
  const [weeks, setWeeks] = useState(8);
  const { data, error, isPending } = useQuery(demandQuery(weeks));
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end gap-4">
        <Field label="Weeks ahead">
          {(p) => (
            <Select {...p} value={weeks} onChange={(e) => setWeeks(Number(e.target.value))} data-testid="forecast-weeks">
              {WEEK_CHOICES.map((w) => (
                <option key={w} value={w}>
                  {w} {w === 1 ? "week" : "weeks"}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <a
          href={forecastCsvUrl(weeks)}
          download
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
          data-testid="forecast-csv"
        >
          Download CSV
        </a>
        {data && (
          <p className="text-sm text-slate-600">
            From {data.startDate}, each order on its customer&apos;s local date · {data.tally.subscriptions} subscriptions, {data.tally.enrollments}{" "}
            program enrollments · {data.skipped} skipped cycles
            {data.blocked > 0 && <span className="text-red-700"> · {data.blocked} blocked on a missing substitute</span>}
          </p>
        )}
      </div>
      {isPending && <p className="text-sm text-slate-500">Computing the forecast…</p>}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          The forecast could not be loaded: {error.message}
        </p>
      )}
      {data && (
        <>
          <div className="grid gap-4 lg:grid-cols-2">
            <Card title="Units and orders per week">
              <AreaChart
                title="Units per week"
                valueLabel="Units"
                secondaryLabel="Orders"
                points={data.weekly.map((w) => ({ label: w.start.slice(5), value: w.units, secondary: w.orders }))}
                testId="forecast-weekly-chart"
              />
              <p className="mt-2 text-sm text-slate-600">
                Revenue:{" "}
                {formatMoney(
                  data.weekly.reduce((a, w) => a + w.revenueMinor, 0),
                  "USD",
                )}{" "}
                over {data.weeks} weeks
              </p>
            </Card>
            <Card title="Units per SKU (red: runs short)">
              <BarChart
                title="Units per SKU"
                bars={data.skus.map((s) => ({ label: s.sku, value: s.total, alert: s.firstShortWeek !== null }))}
                testId="forecast-sku-chart"
              />
            </Card>
          </div>
          <Card title="Units per SKU per week">
            <DemandTable forecast={data} />
          </Card>
          <Card title="Next 14 days">
            <DailyTable forecast={data} />
          </Card>
        </>
      )}
      <TimeTravelPanel />
      <WhatIfPanel weeks={weeks} skus={data?.skus ?? []} />
      <SuggestionsPanel />
    </div>
  );
}
