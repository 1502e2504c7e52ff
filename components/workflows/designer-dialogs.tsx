"use client";

import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { WorkflowDefinition } from "@/server/workflows/model";
import { KEY_HELP } from "./keyboard-commands";

/** A small modal: focus moves in on open and back to where it was on close; Esc closes. */
function Modal({ title, onClose, children }: { title: string; onClose: () => void; children: (titleId: string) => ReactNode }) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const first = box.current?.querySelector<HTMLElement>("select, input, button");
    first?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.stopPropagation();
        onClose();
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => {
      window.removeEventListener("keydown", onKey, true);
      before?.focus?.();
    };
  }, [onClose]);
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4">
      <div ref={box} role="dialog" aria-modal="true" aria-labelledby={titleId} className="w-full max-w-md rounded-lg bg-white p-4 shadow-xl">
        <h2 id={titleId} className="mb-3 text-base font-semibold text-slate-900">
          {title}
        </h2>
        {children(titleId)}
      </div>
    </div>
  );
}

/** The keyboard way to draw an edge: pick the target state, Enter. */
export function ConnectDialog({
  def,
  from,
  onConnect,
  onClose,
}: {
  def: WorkflowDefinition;
  from: string;
  onConnect: (to: string) => void;
  onClose: () => void;
}) {
  const targets = def.states.filter((s) => s.id !== from);
  const [to, setTo] = useState(targets[0]?.id ?? "");
  const fromLabel = def.states.find((s) => s.id === from)?.label ?? from;
  return (
    <Modal title={`Connect “${fromLabel}” to…`} onClose={onClose}>
      {() => (
        <form
          className="flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (to) onConnect(to);
          }}
        >
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
            Target state
            <select
              className="rounded border border-slate-300 px-2 py-1.5 text-sm"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              data-testid="connect-target"
            >
              {targets.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label} ({s.id})
                </option>
              ))}
            </select>
          </label>
          <p className="text-xs text-slate-600">The new transition is selected: set its trigger and guard in the inspector (E).</p>
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={!to}>
              Connect
            </Button>
          </div>
        </form>
      )}
    </Modal>
  );
}

export function KeyboardHelp({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose}>
      {() => (
        <>
          <table className="w-full text-sm" data-testid="keyboard-help">
            <caption className="sr-only">Designer keys</caption>
            <tbody>
              {KEY_HELP.map((k) => (
                <tr key={k.keys} className="border-t border-slate-100">
                  <th scope="row" className="whitespace-nowrap py-1 pr-3 text-left font-mono text-xs font-semibold text-slate-900">
                    {k.keys}
                  </th>
                  <td className="py-1 text-slate-700">{k.does}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-slate-600">
            Keys act on the canvas, not while typing in a field. A focused state moves with the arrow keys.
          </p>
          <div className="mt-3 flex justify-end">
            <Button onClick={onClose}>Close</Button>
          </div>
        </>
      )}
    </Modal>
  );
}
