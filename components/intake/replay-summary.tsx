import Link from "next/link";
import { reasonLabel, type ReplayOutcome } from "./api";

/** What a replay did, one line per payload, with a link to each order it created. */
export function ReplaySummary({ results }: { results: ReplayOutcome[] }) {
  return (
    <ul role="status" className="flex flex-col gap-1 rounded border border-slate-200 bg-slate-50 p-3 text-sm">
      {results.map((r) => (
        <li key={r.payloadId} data-testid="replay-result">
          {"notFound" in r ? (
            `${r.payloadId}: not found`
          ) : (
            <>
              <span className="font-medium">{describe(r)}</span>
              {r.orderId && (
                <>
                  {" "}
                  —{" "}
                  <Link href={`/orders/${r.orderId}`} className="text-brand-700 underline">
                    View order
                  </Link>
                </>
              )}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function describe(r: Exclude<ReplayOutcome, { notFound: true }>): string {
  if (!r.replayed) return `Not replayed (already ${r.status})`;
  switch (r.status) {
    case "accepted":
      return r.action === "created" ? "Accepted: order created" : `Accepted (${r.action})`;
    case "duplicate":
      return "Already imported: linked to the existing order";
    case "dead_lettered":
      return `Still failing: ${reasonLabel(r.reason ?? null)}`;
    case "received":
      return "Queued for retry";
    default:
      return `${r.status}${r.reason ? ` (${reasonLabel(r.reason)})` : ""}`;
  }
}
