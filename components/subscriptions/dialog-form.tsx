"use client";

import { Button } from "@/components/ui/button";
import type { SubscriptionAction } from "./queries";

/** What every subscription action dialog takes from the actions bar. */
export type DialogProps = { open: boolean; onClose: () => void; onSubmit: (a: SubscriptionAction) => void; busy: boolean; fieldError?: string };

export const dialogInput = "rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-500";

/** The dialog's buttons: "Back" closes it natively (method=dialog), the other confirms. */
export function DialogFooter({
  submit,
  busy,
  danger = false,
  cancelLabel = "Back",
}: {
  submit: string;
  busy: boolean;
  danger?: boolean;
  cancelLabel?: string;
}) {
  return (
    <div className="mt-6 flex justify-end gap-2">
      <Button variant="secondary" value="cancel" formMethod="dialog" type="submit" formNoValidate>
        {cancelLabel}
      </Button>
      <Button variant={danger ? "danger" : "primary"} type="submit" value="confirm" disabled={busy}>
        {submit}
      </Button>
    </div>
  );
}

/** Runs `fn` for the confirm button; the "Back" button closes the dialog natively (method=dialog). */
export const onConfirm = (fn: () => void) => (e: React.FormEvent<HTMLFormElement>) => {
  const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
  if (submitter?.value === "cancel") return;
  e.preventDefault();
  fn();
};
