import { formatDateTime } from "@/components/ui/format";
import type { ActivityDto } from "@/server/subscriptions/subscription-dto.schema";
import { describeActivity } from "./format";

/** The subscription's audit log: what happened, when, and who did it. */
export function ActivityList({ activity }: { activity: ActivityDto[] }) {
  if (activity.length === 0) return <p className="text-sm text-slate-500">Nothing yet.</p>;
  return (
    <ol aria-label="Activity" className="divide-y divide-slate-100">
      {activity.map((a) => (
        <li key={a.id} data-action={a.action} className="flex flex-wrap items-baseline justify-between gap-2 py-2 text-sm">
          <span className="text-slate-800">{describeActivity(a.action, a.data)}</span>
          <span className="text-xs text-slate-500">
            <time dateTime={a.at}>{formatDateTime(a.at)}</time> · {a.actor.type === "user" ? (a.actor.email ?? "a user") : "System"}
          </span>
        </li>
      ))}
    </ol>
  );
}
