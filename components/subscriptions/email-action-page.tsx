import Link from "next/link";
import type { ReactNode } from "react";
import type { EmailAction } from "@/db/vocabulary/email-actions";
import type { EmailActionPreview } from "@/server/subscriptions/describe-email-action";

const QUESTION: Record<EmailAction, string> = {
  skip: "Skip this delivery?",
  delay_week: "Delay this delivery by one week?",
  order_now: "Order now?",
};
const CONFIRM: Record<EmailAction, string> = { skip: "Yes, skip it", delay_week: "Yes, delay one week", order_now: "Yes, order now" };
const DONE: Record<EmailAction, string> = { skip: "Delivery skipped", delay_week: "Delivery delayed", order_now: "Order placed" };

/**
 * The page a one-click email link opens. Server-rendered with a plain form: it works in any
 * mail client's browser, without signing in and without JavaScript. Every state says what
 * happened and where to go next; none of them changes anything except the button.
 */
export function EmailActionPage({
  token,
  preview,
  dates,
  justDone,
  refused,
}: {
  token: string;
  preview: EmailActionPreview;
  dates: { due: string; delayedTo: string | null } | null;
  justDone: boolean;
  refused: string | null;
}) {
  const manage = "subscriptionId" in preview ? `/subscriptions/${preview.subscriptionId}` : "/subscriptions";
  if (refused && preview.kind === "ready") {
    return (
      <Shell title="We couldn't do that" manage={manage}>
        <p role="alert">{refused}</p>
        <p>Nothing was changed. You can use another link from the same email, or manage the delivery in your account.</p>
      </Shell>
    );
  }
  switch (preview.kind) {
    case "invalid":
      return (
        <Shell title="This link isn't valid" manage={manage}>
          <p>It may have been cut off when it was copied. Nothing was changed.</p>
        </Shell>
      );
    case "expired":
      return (
        <Shell title="This link has expired" manage={manage}>
          <p>The order it was about has already been placed. Nothing was changed.</p>
        </Shell>
      );
    case "changed":
      return (
        <Shell title="This delivery has changed since the email" manage={manage}>
          <p>It was moved, skipped, paused or cancelled after the email was sent, so this link no longer applies. Nothing was changed.</p>
        </Shell>
      );
    case "used":
      return (
        <Shell title={justDone ? DONE[preview.action] : "This email’s links have been used"} manage={manage}>
          {preview.outcome ? <p data-testid="email-action-outcome">{preview.outcome}</p> : <p>It is being carried out.</p>}
          {!justDone && <p>Each reminder email’s links work once. Nothing more was changed.</p>}
        </Shell>
      );
    case "ready":
      return (
        <Shell title={QUESTION[preview.action]} manage={manage}>
          <p>
            {preview.quantity} × {preview.productName}, due on <strong>{dates?.due}</strong>.
          </p>
          {preview.action === "skip" && <p>This delivery is skipped; the ones after it stay as they are.</p>}
          {preview.action === "delay_week" && (
            <p>
              It moves to <strong>{dates?.delayedTo}</strong>; the deliveries after it keep their dates.
            </p>
          )}
          {preview.action === "order_now" && <p>An extra order is placed today; your scheduled delivery stays as it is.</p>}
          <form method="post" action="/api/email-actions" className="mt-2">
            <input type="hidden" name="token" value={token} />
            <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
              {CONFIRM[preview.action]}
            </button>
          </form>
        </Shell>
      );
  }
}

function Shell({ title, manage, children }: { title: string; manage: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md space-y-3 rounded-lg border border-slate-200 bg-white p-8 text-sm text-slate-700 shadow-sm">
        <p className="text-lg font-semibold text-brand-700">Replen</p>
        <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
        {children}
        <p className="pt-2">
          <Link className="text-brand-700 underline" href={manage}>
            Manage your subscription
          </Link>{" "}
          (sign-in required)
        </p>
      </div>
    </main>
  );
}
