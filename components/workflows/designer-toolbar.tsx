"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { SaveStatus } from "./use-autosave";

const SAVE_TEXT: Record<SaveStatus, string> = {
  saved: "Saved",
  unsaved: "Unsaved changes",
  saving: "Saving…",
  error: "Save failed",
  invalid: "Not saved: fix invalid fields",
};

const SAVE_STYLE: Record<SaveStatus, string> = {
  saved: "text-brand-700",
  unsaved: "text-slate-500",
  saving: "text-slate-500",
  error: "text-red-600",
  invalid: "text-red-600",
};

type Props = {
  name: string;
  liveVersion: number | null;
  saveStatus: SaveStatus;
  saveError: string | null;
  onRetrySave: () => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onAutoLayout: () => void;
  onFitView: () => void;
  publishBlockedReason: string | null;
  onPublish: () => void;
  notice: string | null;
  live: boolean;
  /** Live mode needs a published version to show. */
  canGoLive: boolean;
  onToggleLive: () => void;
  onHelp: () => void;
};

const isMac = () => typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

export function DesignerToolbar(p: Props) {
  const mod = isMac() ? "⌘" : "Ctrl+";
  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-white px-3 py-2">
      <Link href="/workflows" className="text-sm text-slate-500 hover:text-slate-800">
        Workflows /
      </Link>
      <h1 className="text-base font-semibold">{p.name}</h1>
      <span
        className={`rounded px-1.5 py-0.5 text-[11px] font-semibold ${p.liveVersion === null ? "bg-slate-100 text-slate-600" : "bg-brand-100 text-brand-700"}`}
      >
        {p.liveVersion === null ? "Not published" : `Live: v${p.liveVersion}`}
      </span>
      <span
        role="status"
        aria-live="polite"
        data-testid="save-status"
        className={`text-xs ${SAVE_STYLE[p.saveStatus]}`}
        title={p.saveError ?? undefined}
      >
        {SAVE_TEXT[p.saveStatus]}
      </span>
      {p.saveStatus === "error" && (
        <button type="button" onClick={p.onRetrySave} className="text-xs text-blue-700 underline">
          Retry
        </button>
      )}
      {p.notice && (
        <span role="status" className="rounded bg-brand-50 px-2 py-0.5 text-xs text-brand-700">
          {p.notice}
        </span>
      )}
      <div className="ml-auto flex items-center gap-1">
        <div role="group" aria-label="Mode" className="mr-2 flex overflow-hidden rounded-md border border-slate-300">
          <button
            type="button"
            aria-pressed={!p.live}
            onClick={() => p.live && p.onToggleLive()}
            className={`px-3 py-1.5 text-sm font-medium ${!p.live ? "bg-slate-800 text-white" : "bg-white text-slate-700 hover:bg-slate-50"}`}
          >
            Design
          </button>
          <button
            type="button"
            aria-pressed={p.live}
            disabled={!p.canGoLive}
            title={p.canGoLive ? "Orders on the graph now (L)" : "Publish a version to see it live"}
            onClick={() => !p.live && p.onToggleLive()}
            className={`px-3 py-1.5 text-sm font-medium ${p.live ? "bg-red-700 text-white" : "bg-white text-slate-700 hover:bg-slate-50 disabled:text-slate-500"}`}
            data-testid="live-toggle"
          >
            Live
          </button>
        </div>
        <Button variant="ghost" onClick={p.onUndo} disabled={!p.canUndo || p.live} title={`Undo (${mod}Z)`} aria-label="Undo">
          ↶ Undo
        </Button>
        <Button variant="ghost" onClick={p.onRedo} disabled={!p.canRedo || p.live} title={`Redo (${mod}Shift+Z)`} aria-label="Redo">
          ↷ Redo
        </Button>
        <Button variant="secondary" onClick={p.onAutoLayout} disabled={p.live} title="Layered left-to-right layout (A)">
          Auto-layout
        </Button>
        <Button variant="secondary" onClick={p.onFitView} title="Fit the graph to the view (F)">
          Fit view
        </Button>
        <Button variant="ghost" onClick={p.onHelp} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
          ?
        </Button>
        <span className="flex flex-col items-end">
          <Button
            onClick={p.onPublish}
            disabled={p.publishBlockedReason !== null}
            title={p.publishBlockedReason ?? "Review the changes and publish a new version"}
            aria-describedby={p.publishBlockedReason ? "publish-blocked" : undefined}
          >
            Publish…
          </Button>
        </span>
        {p.publishBlockedReason && (
          <span id="publish-blocked" className="max-w-40 text-[11px] leading-tight text-red-600">
            {p.publishBlockedReason}
          </span>
        )}
      </div>
    </div>
  );
}
