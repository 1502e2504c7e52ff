"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { IntakeMetricsTable } from "@/components/intake/intake-metrics-table";
import { ChannelHealthTable } from "@/components/intake/channel-health-table";
import { Card } from "@/components/ui/card";
import { formatAgo, formatDuration, formatPercent } from "@/components/ui/format";
import { dashboardQuery, type DashboardData } from "./api";
import { AreaChart } from "./charts/area-chart";
import { BarChart } from "./charts/bar-chart";
import { Gauge } from "./charts/gauge";
import { PairedBarChart } from "./charts/paired-bar-chart";
import { KpiCard } from "./kpi-card";

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

/** Times in state are often sub-second in a healthy system: keep a decimal below 10 s. */
const formatStay = (s: number) => (s < 10 ? `${s.toFixed(1)}s` : formatDuration(s));

const hourLabel = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
};

function Kpis({ d }: { d: DashboardData }) {
  const inFlight = d.inFlightByVersion.reduce((s, v) => s + v.count, 0);
  const finished = d.throughputPerHour.reduce((s, h) => s + h.count, 0);
  const created = d.throughputPerHour.reduce((s, h) => s + (h.created ?? 0), 0);
  const oldest = d.reviewQueue.oldestAgeSeconds;
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7">
      <KpiCard label="Orders in flight" value={inFlight} testId="kpi-in-flight" />
      <KpiCard label="Finished" value={finished} detail={`last ${d.throughputPerHour.length} h · ${created} created`} testId="kpi-throughput" />
      <KpiCard
        label="Review queue"
        value={d.reviewQueue.count}
        testId="kpi-review"
        tone={oldest !== null && oldest > 24 * 3600 ? "alert" : d.reviewQueue.count > 0 ? "warn" : "neutral"}
        detail={
          oldest !== null ? (
            <>
              oldest {formatDuration(oldest)} ·{" "}
              <Link className="underline" href="/review">
                open queue
              </Link>
            </>
          ) : (
            "nothing waiting"
          )
        }
      />
      <KpiCard
        label="Over SLA"
        value={d.overSla.count}
        testId="kpi-over-sla"
        tone={d.overSla.count > 0 ? "alert" : "neutral"}
        detail={
          d.overSla.byState.length > 0 ? (
            <>
              {d.overSla.byState.slice(0, 2).map((s, i) => (
                <span key={`${s.workflowId}:${s.state}`}>
                  {i > 0 && " · "}
                  <Link className="underline" href={`/workflows/${s.workflowId}?live=1&state=${encodeURIComponent(s.state)}`}>
                    {s.state}
                  </Link>{" "}
                  {s.count}
                </span>
              ))}
            </>
          ) : (
            "every order within its state's SLA"
          )
        }
      />
      <KpiCard
        label="Retry rate"
        value={formatPercent(d.actions.retryRate)}
        tone={d.actions.retryRate >= 0.2 ? "warn" : "neutral"}
        detail={`${d.actions.retries} retries / ${d.actions.attempts} attempts`}
        testId="kpi-retry"
      />
      <KpiCard
        label="Failure rate"
        value={formatPercent(d.actions.failureRate)}
        tone={d.actions.failureRate >= 0.05 ? "alert" : "neutral"}
        detail={`${d.actions.failures} failed attempts`}
        testId="kpi-failure"
      />
      <KpiCard
        label="Dead letters"
        value={d.deadLetters.total}
        tone={d.deadLetters.total > 0 ? "alert" : "neutral"}
        detail={
          d.deadLetters.total > 0 ? (
            <Link className="underline" href="/intake">
              review intake
            </Link>
          ) : (
            "intake healthy"
          )
        }
        testId="kpi-dead-letters"
      />
    </div>
  );
}

function Charts({ d }: { d: DashboardData }) {
  const bottlenecks = d.timeInState.filter((t) => t.bottleneck).map((t) => t.state);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card title="Orders per state">
        <BarChart
          title="Orders per state"
          testId="chart-orders-by-state"
          bars={[...d.ordersByState].sort((a, b) => b.count - a.count).map((s) => ({ label: s.state, value: s.count }))}
        />
      </Card>
      <Card title="Throughput per hour">
        <AreaChart
          title="Orders per hour"
          valueLabel="Finished"
          secondaryLabel="Created"
          testId="chart-throughput"
          points={d.throughputPerHour.map((h) => ({ label: hourLabel(h.hour), value: h.count, secondary: h.created }))}
        />
      </Card>
      <Card
        title="Time in state"
        actions={bottlenecks.length > 0 ? <span className="text-xs font-medium text-red-700">Bottleneck: {bottlenecks.join(", ")}</span> : undefined}
      >
        <PairedBarChart
          title="Time in state, average and 95th percentile"
          aLabel="avg"
          bLabel="p95"
          alertLabel="bottleneck"
          format={formatStay}
          testId="chart-time-in-state"
          rows={d.timeInState.map((t) => ({ label: t.state, a: t.avgSeconds, b: t.p95Seconds, alert: t.bottleneck }))}
        />
      </Card>
      <Card title="Action reliability">
        <div className="grid grid-cols-2 gap-4">
          <Gauge
            title="Retry rate"
            ratio={d.actions.retryRate}
            warnAt={0.1}
            alertAt={0.25}
            detail={`${d.actions.retries} of ${d.actions.attempts} attempts were retries`}
            testId="chart-retry-rate"
          />
          <Gauge
            title="Failure rate"
            ratio={d.actions.failureRate}
            warnAt={0.02}
            alertAt={0.05}
            detail={`${d.actions.failures} of ${d.actions.attempts} attempts failed`}
            testId="chart-failure-rate"
          />
        </div>
        {d.actions.byType && d.actions.byType.length > 0 && (
          <div className="mt-3">
            <PairedBarChart
              title="Retries and failures by action type"
              aLabel="retries"
              bLabel="failures"
              alertLabel="failing"
              format={String}
              testId="chart-actions-by-type"
              rows={d.actions.byType.map((t) => ({ label: t.actionType, a: t.retries, b: t.failures, alert: t.failures > 0 }))}
            />
          </div>
        )}
      </Card>
      <Card title="In flight per workflow version">
        <BarChart
          title="Orders in flight per workflow version"
          testId="chart-in-flight"
          bars={d.inFlightByVersion.map((v) => ({ label: `${v.workflow} v${v.version}`, value: v.count }))}
        />
      </Card>
      <Card title="Dead letters by channel">
        <BarChart
          title="Dead-lettered intake payloads by channel"
          testId="chart-dead-letters"
          bars={d.deadLetters.byChannel.map((c) => ({ label: c.channel, value: c.count, alert: c.count > 0 }))}
        />
      </Card>
    </div>
  );
}

/** Live operations dashboard: polls every 5 s and says how fresh the numbers are. */
export function Dashboard() {
  const q = useQuery(dashboardQuery());
  const now = useNow(1_000);
  return (
    <div className="flex flex-col gap-4">
      <p className="flex items-center gap-2 text-xs text-slate-500" role="status" aria-live="off" data-testid="dashboard-freshness">
        <span
          className={`inline-block h-2 w-2 rounded-full ${q.isError ? "bg-red-500" : q.isFetching ? "animate-pulse bg-brand-500" : "bg-brand-500"}`}
          aria-hidden
        />
        {q.dataUpdatedAt ? `Updated ${formatAgo(q.dataUpdatedAt, now)}` : "Loading…"} · refreshes every 5 s
        {q.isError && <span className="text-red-600"> · last refresh failed: {q.error.message}</span>}
      </p>
      {q.data && (
        <>
          <Kpis d={q.data} />
          <Charts d={q.data} />
          {q.data.intake && <IntakeMetricsTable metrics={q.data.intake.perChannel} caption="Intake per channel, last 24 hours" />}
          <Card title="Channel health">
            <ChannelHealthTable />
          </Card>
        </>
      )}
      {q.isPending && <p className="text-sm text-slate-500">Loading dashboard…</p>}
    </div>
  );
}
