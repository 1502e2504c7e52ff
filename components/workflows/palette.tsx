"use client";

import type { DragEvent } from "react";
import { ACTION_TYPES, type ActionType } from "@/server/workflows/model";
import { ACTION_META, CATEGORY_STYLE } from "./action-meta";
import { PALETTE_STATES, type PaletteStateVariant } from "./definition-edits";

/**
 * Drag payloads. The kind is also encoded in the MIME type because dragover handlers may
 * only read the types, and the canvas needs to know early whether to highlight a state.
 */
export const DND_STATE = "application/x-replen-state";
export const DND_ACTION = "application/x-replen-action";

export type PaletteItem = { kind: "state"; variant: PaletteStateVariant } | { kind: "action"; type: ActionType };

export function readDrop(e: DragEvent): PaletteItem | null {
  const state = e.dataTransfer.getData(DND_STATE);
  if (state && state in PALETTE_STATES) return { kind: "state", variant: state as PaletteStateVariant };
  const action = e.dataTransfer.getData(DND_ACTION);
  if ((ACTION_TYPES as readonly string[]).includes(action)) return { kind: "action", type: action as ActionType };
  return null;
}

const STATE_STYLE: Record<PaletteStateVariant, string> = {
  state: "border-slate-300",
  terminal: "border-slate-800 border-double border-4",
  review: "border-amber-400 bg-amber-50",
};

type ItemProps = { mime: string; value: string; label: string; hint: string; className?: string; dot?: string; onAdd: () => void };

/** Draggable, and also a button (click / Enter) so keyboard users can add elements too. */
function Item({ mime, value, label, hint, className = "", dot, onAdd }: ItemProps) {
  return (
    <li>
      <button
        type="button"
        draggable
        onDragStart={(e) => {
          e.dataTransfer.setData(mime, value);
          e.dataTransfer.effectAllowed = "copy";
        }}
        onClick={onAdd}
        title={hint}
        data-testid={`palette-${value}`}
        className={`flex w-full cursor-grab items-center gap-2 rounded-md border-2 bg-white px-2 py-1.5 text-left text-xs font-medium text-slate-800 shadow-sm active:cursor-grabbing ${className}`}
      >
        {dot && <span aria-hidden className={`h-2 w-2 shrink-0 rounded-full ${dot}`} />}
        {label}
      </button>
    </li>
  );
}

/** `onAdd` handles click/keyboard activation; drops are handled by the canvas (readDrop). */
export function Palette({ onAdd }: { onAdd: (item: PaletteItem) => void }) {
  return (
    <aside aria-label="Palette" className="flex w-48 shrink-0 flex-col gap-4 overflow-y-auto border-r border-slate-200 bg-slate-50 p-3">
      <div>
        <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">States</h2>
        <ul className="flex flex-col gap-1.5">
          {(Object.keys(PALETTE_STATES) as PaletteStateVariant[]).map((v) => (
            <Item
              key={v}
              mime={DND_STATE}
              value={v}
              label={PALETTE_STATES[v].label}
              hint="Drag onto the canvas (or click to add in the middle)"
              className={STATE_STYLE[v]}
              onAdd={() => onAdd({ kind: "state", variant: v })}
            />
          ))}
        </ul>
      </div>
      <div>
        <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Actions</h2>
        <ul className="flex flex-col gap-1.5">
          {ACTION_TYPES.map((t) => (
            <Item
              key={t}
              mime={DND_ACTION}
              value={t}
              label={ACTION_META[t].label}
              dot={CATEGORY_STYLE[ACTION_META[t].category].dot}
              hint={`${ACTION_META[t].hint}. Drop on a state to add it, or on empty canvas for a new state.`}
              className="border-slate-200"
              onAdd={() => onAdd({ kind: "action", type: t })}
            />
          ))}
        </ul>
      </div>
      <p className="text-[11px] leading-snug text-slate-500">
        Drag from a state&apos;s right handle to another state to add a transition. Delete removes the selection; Ctrl/⌘+Z undoes.
      </p>
    </aside>
  );
}
