"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Card } from "@/components/ui/card";
import { type Channel, CHANNEL_LABELS, overviewQuery } from "./api";
import { ChannelSettingsForm } from "./channel-settings-form";
import { DeadLetterList } from "./dead-letter-list";
import { IntakeMetricsTable } from "./intake-metrics-table";

/** /intake: metrics, then one tab per channel with its dead letters and validation settings. */
export function IntakeConsole({ initialChannel }: { initialChannel?: Channel }) {
  const q = useQuery(overviewQuery());
  const [active, setActive] = useState<Channel>(initialChannel ?? "shopify");

  if (q.isPending) return <p className="text-sm text-slate-500">Loading intake…</p>;
  if (q.isError)
    return (
      <p role="alert" className="text-sm text-red-600">
        Could not load intake: {q.error.message}
      </p>
    );

  const current = q.data.channels.find((c) => c.channel === active) ?? q.data.channels[0]!;
  return (
    <div className="flex flex-col gap-6">
      <IntakeMetricsTable metrics={q.data.metrics.perChannel} />
      <div>
        <div role="tablist" aria-label="Channels" className="flex gap-1 border-b border-slate-200">
          {q.data.channels.map((c) => {
            const dead = c.counts.dead_lettered ?? 0;
            const selected = c.channel === active;
            return (
              <button
                key={c.channel}
                type="button"
                role="tab"
                id={`tab-${c.channel}`}
                aria-selected={selected}
                aria-controls={`panel-${c.channel}`}
                onClick={() => setActive(c.channel)}
                className={`-mb-px rounded-t-md border px-4 py-2 text-sm ${selected ? "border-slate-200 border-b-white bg-white font-semibold" : "border-transparent text-slate-600 hover:text-slate-900"}`}
              >
                {CHANNEL_LABELS[c.channel]}{" "}
                <span
                  className={`ml-1 rounded-full px-2 text-xs ${dead > 0 ? "bg-red-100 text-red-800" : "bg-slate-100 text-slate-600"}`}
                  aria-label={`${dead} dead letters`}
                >
                  {dead}
                </span>
              </button>
            );
          })}
        </div>
        <div role="tabpanel" id={`panel-${current.channel}`} aria-labelledby={`tab-${current.channel}`} className="flex flex-col gap-6 pt-6">
          <Card title={`${CHANNEL_LABELS[current.channel]} validation`}>
            <ChannelSettingsForm channel={current.channel} settings={current.settings} />
          </Card>
          <p className="text-sm text-slate-600">
            {Object.entries(current.counts)
              .map(([status, n]) => `${status.replace("_", " ")}: ${n}`)
              .join(" · ") || "No payloads yet."}
          </p>
          <DeadLetterList channel={current.channel} />
        </div>
      </div>
    </div>
  );
}
