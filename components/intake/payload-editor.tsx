"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/components/ui/fetch-json";
import { formatJsonText } from "@/server/intake/format-json-text";
import { intakeKeys, saveCorrection } from "./api";

/**
 * "Edit payload": fix the data in a JSON editor. Saved as a corrected copy; the raw body the
 * channel sent is kept untouched. The next replay parses the copy.
 */
export function PayloadEditor({ id, rawBody, correctedBody }: { id: string; rawBody: string; correctedBody: string | null }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(() => formatJsonText(correctedBody ?? rawBody));
  const save = useMutation({
    mutationFn: (body: string | null) => saveCorrection(id, body),
    onSuccess: (_d, body) => {
      if (body === null) setText(formatJsonText(rawBody));
      setOpen(false);
      return qc.invalidateQueries({ queryKey: intakeKeys.payload(id) });
    },
  });
  const error = save.error instanceof ApiError ? (save.error.fields?.body ?? save.error.message) : save.error?.message;

  if (!open) {
    return (
      <div className="flex gap-2">
        <Button variant="secondary" onClick={() => setOpen(true)}>
          Edit payload
        </Button>
        {correctedBody !== null && (
          <Button variant="ghost" onClick={() => save.mutate(null)}>
            Discard correction
          </Button>
        )}
      </div>
    );
  }
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(text);
      }}
    >
      <label htmlFor={`edit-${id}`} className="text-sm font-medium text-slate-700">
        Corrected payload (JSON)
      </label>
      <textarea
        id={`edit-${id}`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        spellCheck={false}
        rows={18}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `edit-${id}-error` : undefined}
        className="rounded-md border border-slate-300 p-3 font-mono text-xs aria-[invalid=true]:border-red-500"
      />
      {error && (
        <p id={`edit-${id}-error`} role="alert" className="text-xs text-red-600">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending}>
          Save corrected copy
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
