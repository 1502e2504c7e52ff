"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { formatJsonText } from "@/server/intake/format-json-text";
import { CHANNEL_LABELS, intakeKeys, type PayloadDetail as Detail, payloadQuery, reasonLabel, replay } from "./api";
import { PayloadEditor } from "./payload-editor";
import { ReplaySummary } from "./replay-summary";
import { SkuAliasForm } from "./sku-alias-form";

/** /intake/[id]: the raw payload, its errors with paths, and the fixes (alias, edit) + replay. */
export function PayloadDetail({ id }: { id: string }) {
  const qc = useQueryClient();
  const q = useQuery(payloadQuery(id));
  const run = useMutation({
    mutationFn: () => replay([id]),
    onSettled: () => qc.invalidateQueries({ queryKey: intakeKeys.all }),
  });

  if (q.isPending) return <p className="text-sm text-slate-500">Loading payload…</p>;
  if (q.isError)
    return (
      <p role="alert" className="text-sm text-red-600">
        Could not load the payload: {q.error.message}
      </p>
    );
  const { payload: p, order, related } = q.data;
  const replayable = p.status === "dead_lettered" || p.status === "received";

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={`${CHANNEL_LABELS[p.channel]} payload ${p.externalId ?? ""}`.trim()}
        description={`Received ${formatDateTime(p.receivedAt)} · ${p.attempts} attempt(s)${p.replayCount ? ` · replayed ${p.replayCount}×` : ""}`}
        actions={
          <Link href="/intake" className="text-sm text-brand-700 underline">
            Back to intake
          </Link>
        }
      />
      <Card title="Status">
        <p className="text-sm" data-testid="payload-status">
          <span className="font-semibold">{p.status.replace("_", " ")}</span>
          {p.reason && (
            <>
              {" "}
              · {reasonLabel(p.reason)} <code className="text-xs text-slate-500">{p.reason}</code>
            </>
          )}
          {p.action && <> · {p.action.replace("_", " ")}</>}
        </p>
        {order && (
          <p className="mt-2 text-sm">
            Order{" "}
            <Link href={`/orders/${order.id}`} className="font-medium text-brand-700 underline">
              #{order.number}
            </Link>{" "}
            <span className="text-slate-600">(state {order.state})</span>
          </p>
        )}
        {replayable && (
          <div className="mt-4 flex flex-col gap-3">
            <Button onClick={() => run.mutate()} disabled={run.isPending} className="self-start">
              {run.isPending ? "Replaying…" : "Replay"}
            </Button>
            {run.isError && (
              <p role="alert" className="text-sm text-red-600">
                {run.error.message}
              </p>
            )}
          </div>
        )}
        {run.data && (
          <div className="mt-3">
            <ReplaySummary results={run.data.results} />
          </div>
        )}
      </Card>
      {p.errors.length > 0 && <Errors detail={q.data} />}
      {p.status === "dead_lettered" && (
        <Card title="Fix the data">
          <PayloadEditor key={p.correctedBody ?? "raw"} id={p.id} rawBody={p.rawBody} correctedBody={p.correctedBody} />
        </Card>
      )}
      {p.correctedBody !== null && <Body title="Corrected copy (used by replays)" text={p.correctedBody} />}
      <Body title="Raw payload as received" text={p.rawBody} />
      {p.canonical && p.canonical.notes.length > 0 && (
        <Card title="Mapping notes">
          <ul className="list-disc pl-5 text-sm">
            {p.canonical.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </Card>
      )}
      {related.length > 0 && (
        <Card title="Other payloads for this order">
          <ul className="text-sm">
            {related.map((r) => (
              <li key={r.id}>
                <Link href={`/intake/${r.id}`} className="text-brand-700 underline">
                  {formatDateTime(r.receivedAt)}
                </Link>{" "}
                · {r.status}
                {r.reason ? ` (${reasonLabel(r.reason)})` : ""}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}

function Errors({ detail }: { detail: Detail }) {
  const p = detail.payload;
  const unknownSkus = [
    ...new Set(
      p.errors
        .filter((e) => e.code === "unknown_sku")
        .map((e) => skuAt(detail, e.path))
        .filter((s): s is string => Boolean(s)),
    ),
  ];
  return (
    <Card title="Errors">
      <ul className="flex flex-col gap-1 text-sm" aria-label="Errors">
        {p.errors.map((e, i) => (
          <li key={i}>
            <code className="rounded bg-slate-100 px-1 text-xs">{e.path || "(body)"}</code> {e.message}{" "}
            <span className="text-xs text-slate-500">{e.code}</span>
          </li>
        ))}
      </ul>
      {p.status === "dead_lettered" && unknownSkus.length > 0 && (
        <div className="mt-4 flex flex-col gap-4 border-t border-slate-100 pt-4">
          <p className="text-sm text-slate-600">Add a SKU alias: it applies to this channel&apos;s future and replayed payloads.</p>
          {unknownSkus.map((sku) => (
            <SkuAliasForm key={sku} channel={p.channel} fromSku={sku} />
          ))}
        </div>
      )}
    </Card>
  );
}

/** The channel SKU at an error path such as "lines[2].sku", from the stored canonical order. */
function skuAt(detail: Detail, path: string): string | undefined {
  const index = /^lines\[(\d+)\]\.sku$/.exec(path)?.[1];
  return index === undefined ? undefined : detail.payload.canonical?.lines[Number(index)]?.sku;
}

function Body({ title, text }: { title: string; text: string }) {
  return (
    <Card title={title}>
      <pre
        className="max-h-[32rem] overflow-auto rounded bg-slate-950 p-4 text-xs text-slate-100"
        data-testid={title.startsWith("Raw") ? "raw-payload" : "corrected-payload"}
      >
        {formatJsonText(text)}
      </pre>
    </Card>
  );
}
