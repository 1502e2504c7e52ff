import { EmailActionPage } from "@/components/subscriptions/email-action-page";
import { getDb } from "@/db/client";
import { describeEmailAction } from "@/server/subscriptions/describe-email-action";
import { customerDate } from "@/server/notifications/reminder-message";
import { isSealedRefusal } from "@/server/subscriptions/email-action-links";

export const metadata = { title: "Your delivery — Replen" };

type SearchParams = Promise<{ done?: string; refused?: string; seal?: string }>;

/** Where a reminder email's one-click link lands: reads only; the button on it acts. */
export default async function EmailActionRoute({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: SearchParams }) {
  const [{ token: raw }, query] = await Promise.all([params, searchParams]);
  const token = decodeURIComponent(raw);
  const preview = await describeEmailAction(getDb(), token, new Date());
  const refused =
    typeof query.refused === "string" && typeof query.seal === "string" && isSealedRefusal(token, query.refused, query.seal) ? query.refused : null;
  const dates =
    preview.kind === "ready"
      ? {
          due: customerDate(preview.dueAt, preview.timeZone),
          // A local date already: format it as is, at noon UTC so no zone can shift the day.
          delayedTo: preview.delayedTo ? customerDate(new Date(`${preview.delayedTo}T12:00:00Z`), "UTC") : null,
        }
      : null;
  return <EmailActionPage token={token} preview={preview} dates={dates} justDone={query.done === "1"} refused={refused} />;
}
