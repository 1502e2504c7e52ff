"use client";

import { useQuery } from "@tanstack/react-query";
import { useReactFlow } from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type SimulationResult, type WorkflowDefinition, workflowEdges } from "@/server/workflows/model";
import { overlayQuery, type WorkflowDetail, saveDraft } from "./api";
import { DesignerCanvas } from "./designer-canvas";
import { DesignerContext } from "./designer-context";
import { ConnectDialog, KeyboardHelp } from "./designer-dialogs";
import { designerProblems, type DesignerProblem, erroredIds as toErroredIds, type ProblemCounts, problemsByState } from "./designer-problems";
import { DesignerToolbar } from "./designer-toolbar";
import { addAction, addState, connectStates, setPositions } from "./definition-edits";
import { deleteSelection } from "./delete-selection";
import { highlightOf, NO_HIGHLIGHT } from "./flow-mapping";
import { canRedo, canUndo } from "./history";
import { elkLayout, needsLayout } from "./elk-layout";
import { Inspector } from "./inspector/inspector";
import { commandForKey, stepState } from "./keyboard-commands";
import { NO_LIVE, toLiveOverlay } from "./live-overlay";
import { BulkOperations, MigrateVersions, StateOrders } from "./operate-panel";
import { Palette, type PaletteItem } from "./palette";
import { ProblemsPanel } from "./problems-panel";
import { PublishDialog } from "./publish-dialog";
import { type Selection, selectionOfProblem, stateOfSelection } from "./selection";
import { SimulatePanel } from "./simulate-panel";
import { useAutosave } from "./use-autosave";
import { useHistory } from "./use-history";
import { VersionsPanel } from "./versions-panel";

type Tab = "inspect" | "operate" | "simulate" | "versions";
const TABS: Array<{ id: Tab; label: string }> = [
  { id: "inspect", label: "Inspector" },
  { id: "operate", label: "Operate" },
  { id: "simulate", label: "Simulate" },
  { id: "versions", label: "Versions" },
];

const WINDOWS = [
  { value: "1", label: "Last hour" },
  { value: "24", label: "Last 24 h" },
  { value: "168", label: "Last 7 days" },
  { value: "720", label: "Last 30 days" },
];

/** `?live=1&state=x` (the dashboard's over-SLA links) opens Live mode on that state. */
function initialFromUrl(): { live: boolean; state: string | null } {
  if (typeof window === "undefined") return { live: false, state: null };
  const q = new URLSearchParams(window.location.search);
  return { live: q.get("live") === "1", state: q.get("state") };
}

const focusInspector = () =>
  requestAnimationFrame(() => document.querySelector<HTMLElement>("#panel-inspect input, #panel-inspect select, #panel-inspect textarea")?.focus());

/** Viewport animations are skipped for users (and tests) that prefer reduced motion. */
const animation = () => (window.matchMedia("(prefers-reduced-motion: reduce)").matches ? 0 : 300);

const EMPTY_PROBLEMS: ReadonlyMap<string, ProblemCounts> = new Map();
const EMPTY_IDS: ReadonlySet<string> = new Set();

const isTyping = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName));

/** The designer for one workflow: palette, canvas, problems, inspector/simulate/versions, toolbar. */
export function DesignerWorkspace({
  detail,
  initialNotice = null,
  onReload,
}: {
  detail: WorkflowDetail;
  initialNotice?: string | null;
  /** Reloads the workflow from the server and remounts the designer (after a restore). */
  onReload: (notice: string) => void;
}) {
  const workflowId = String(detail.workflow.id);
  const flow = useReactFlow();
  const { history, dispatch, edit } = useHistory<WorkflowDefinition>(detail.draft);
  const draft = history.present;
  const [fromUrl] = useState(initialFromUrl);
  const [live, setLive] = useState(fromUrl.live);
  const [hours, setHours] = useState(24);
  const [overlayVersion, setOverlayVersion] = useState<number | undefined>(undefined);
  // Live mode shows the live version (what orders run), read-only; design mode the draft.
  const def = live && detail.live ? detail.live.definition : draft;
  const [selection, setSelection] = useState<Selection>(fromUrl.state ? { kind: "state", id: fromUrl.state } : null);
  const [tab, setTab] = useState<Tab>(fromUrl.live ? "operate" : "inspect");
  const [dialog, setDialog] = useState<{ kind: "connect"; from: string } | { kind: "help" } | null>(null);
  const [simulated, setSimulated] = useState<SimulationResult | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [notice, setNotice] = useState<string | null>(initialNotice);
  const canvasRef = useRef<HTMLDivElement>(null);

  const { problems, parses } = useMemo(() => designerProblems(draft), [draft]);
  const byState = useMemo(() => problemsByState(draft, problems), [draft, problems]);
  const errored = useMemo(() => toErroredIds(problems), [problems]);
  const highlight = useMemo(() => (simulated && !live ? highlightOf(simulated) : NO_HIGHLIGHT), [simulated, live]);
  const save = useCallback((d: WorkflowDefinition) => saveDraft(workflowId, d), [workflowId]);
  const autosave = useAutosave(draft, save, { canSave: parses });

  const overlay = useQuery({ ...overlayQuery(workflowId, hours, overlayVersion), enabled: live });
  const liveOverlay = useMemo(
    () => (live ? (overlay.data ? toLiveOverlay(overlay.data, def, workflowEdges(def)) : NO_LIVE) : null),
    [live, overlay.data, def],
  );
  // Read-only while live: edits go to the draft, which is not what is on screen.
  const canvasEdit = useMemo<typeof edit>(() => (live ? () => {} : edit), [live, edit]);

  const select = useCallback(
    (sel: Selection) => {
      setSelection(sel);
      if (sel) setTab(live && sel.kind === "state" ? "operate" : "inspect");
    },
    [live],
  );
  const context = useMemo(() => ({ select }), [select]);

  const centerOn = useCallback(
    (sel: Selection) => {
      const ids =
        sel?.kind === "transition"
          ? [def.transitions.find((t) => t.id === sel.id)?.from, def.transitions.find((t) => t.id === sel.id)?.to]
          : [stateOfSelection(def, sel)];
      const boxes = ids.flatMap((id) => {
        const n = id ? flow.getInternalNode(id) : undefined;
        return n
          ? [{ x: n.internals.positionAbsolute.x + (n.measured.width ?? 0) / 2, y: n.internals.positionAbsolute.y + (n.measured.height ?? 0) / 2 }]
          : [];
      });
      if (boxes.length === 0) return;
      const x = boxes.reduce((s, b) => s + b.x, 0) / boxes.length;
      const y = boxes.reduce((s, b) => s + b.y, 0) / boxes.length;
      void flow.setCenter(x, y, { zoom: Math.max(flow.getZoom(), 0.9), duration: animation() });
    },
    [def, flow],
  );

  const pickProblem = (p: DesignerProblem) => {
    const sel = selectionOfProblem(def, p);
    select(sel);
    centerOn(sel);
  };

  const viewportCenter = () => {
    const r = canvasRef.current?.getBoundingClientRect();
    const p = flow.screenToFlowPosition(r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : { x: 400, y: 300 });
    return { x: p.x - 112, y: p.y - 30 };
  };

  // Keyboard path for the palette: click / Enter adds at the viewport centre (actions: to the selected state).
  const addFromPalette = (item: PaletteItem) => {
    const targetState = stateOfSelection(def, selection);
    let next: Selection = null;
    edit((d) => {
      if (item.kind === "state") {
        const r = addState(d, item.variant, viewportCenter());
        next = { kind: "state", id: r.stateId };
        return r.def;
      }
      const s = targetState ? { def: d, stateId: targetState } : addState(d, "state", viewportCenter());
      const r = addAction(s.def, s.stateId, item.type);
      next = { kind: "action", id: r.actionId };
      return r.def;
    });
    select(next);
  };

  const fitView = useCallback(() => void flow.fitView({ padding: 0.08, duration: animation(), maxZoom: 1 }), [flow]);

  const autoLayout = useCallback(async () => {
    const sizes = Object.fromEntries(
      flow
        .getNodes()
        .flatMap((n) => (n.measured?.width && n.measured.height ? [[n.id, { width: n.measured.width, height: n.measured.height }]] : [])),
    );
    const positions = await elkLayout(draft, sizes);
    edit((d) => setPositions(d, positions));
    requestAnimationFrame(fitView);
  }, [draft, edit, flow, fitView]);

  // A definition stored without positions (imported JSON, an API client) is laid out once; stored positions are the user's and stay.
  const laidOut = useRef(false);
  useEffect(() => {
    if (laidOut.current || !needsLayout(draft)) return;
    laidOut.current = true;
    void elkLayout(draft).then((positions) => {
      edit((d) => setPositions(d, Object.fromEntries(Object.entries(positions).filter(([id]) => !d.states.find((s) => s.id === id)?.position))));
      requestAnimationFrame(fitView);
    });
  }, [draft, edit, fitView]);

  const addStateByKey = () => {
    let next: Selection = null;
    edit((d) => {
      const r = addState(d, "state", viewportCenter());
      next = { kind: "state", id: r.stateId };
      return r.def;
    });
    setSelection(next);
    setTab("inspect");
    focusInspector();
  };

  const connectTo = (from: string, to: string) => {
    let created = "";
    edit((d) => {
      const r = connectStates(d, from, to);
      created = r.transitionId;
      return r.def;
    });
    setDialog(null);
    if (created) {
      setSelection({ kind: "transition", id: created });
      setTab("inspect");
    }
  };

  // The designer's keys (see keyboard-commands.ts and the "?" help), except while typing (fields keep their own undo) or in a dialog.
  const onKey = (e: KeyboardEvent) => {
    if (publishing || dialog) return;
    if (isTyping(e.target)) {
      // Esc leaves an inspector field, so the next key is a designer command again (keyboard-only editing).
      if (e.key === "Escape" && e.target instanceof HTMLElement && e.target.closest("aside")) e.target.blur();
      return;
    }
    const cmd = commandForKey(e, selection);
    if (!cmd) return;
    const editing = !live;
    switch (cmd.type) {
      case "undo":
      case "redo":
        if (!editing) return;
        e.preventDefault();
        dispatch({ type: cmd.type });
        return;
      case "deselect":
        setSelection(null);
        return;
      case "delete":
        if (!editing || !selection) return;
        e.preventDefault();
        edit((d) => deleteSelection(d, selection));
        setSelection(null);
        return;
      case "edit":
        e.preventDefault();
        setTab("inspect");
        focusInspector();
        return;
      case "new-state":
        if (!editing) return;
        e.preventDefault();
        addStateByKey();
        return;
      case "connect":
        if (!editing || selection?.kind !== "state") return;
        e.preventDefault();
        setDialog({ kind: "connect", from: selection.id });
        return;
      case "select-state": {
        e.preventDefault();
        const id = stepState(def, selection, cmd.step);
        if (!id) return;
        const sel: Selection = { kind: "state", id };
        select(sel);
        centerOn(sel);
        return;
      }
      case "toggle-live":
        toggleLive();
        return;
      case "auto-layout":
        if (editing) void autoLayout();
        return;
      case "fit-view":
        fitView();
        return;
      case "help":
        e.preventDefault();
        setDialog({ kind: "help" });
        return;
    }
  };
  // Re-subscribed every render: the handler reads the current selection, mode and definition.
  useEffect(() => {
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  function toggleLive() {
    setLive((l) => !l);
    setSimulated(null);
    setTab((t) => (live ? (t === "operate" ? "inspect" : t) : "operate"));
    requestAnimationFrame(fitView);
  }

  const errorCount = problems.filter((p) => p.severity === "error").length;
  const blockedReason = errorCount > 0 ? `Fix ${errorCount} error${errorCount === 1 ? "" : "s"} to publish` : null;

  const openPublish = async () => {
    setNotice(null);
    // Publishing takes the saved draft: make sure it is this one.
    if (await autosave.flush()) setPublishing(true);
  };

  return (
    <DesignerContext.Provider value={context}>
      <div className="flex h-full flex-col overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
        <DesignerToolbar
          name={detail.workflow.name}
          liveVersion={detail.live?.version ?? null}
          saveStatus={autosave.status}
          saveError={autosave.error}
          onRetrySave={() => void autosave.flush()}
          canUndo={canUndo(history)}
          canRedo={canRedo(history)}
          onUndo={() => dispatch({ type: "undo" })}
          onRedo={() => dispatch({ type: "redo" })}
          onAutoLayout={() => void autoLayout()}
          onFitView={fitView}
          publishBlockedReason={blockedReason}
          onPublish={() => void openPublish()}
          notice={notice}
          live={live}
          canGoLive={detail.live !== null}
          onToggleLive={toggleLive}
          onHelp={() => setDialog({ kind: "help" })}
        />
        <div className="flex min-h-0 flex-1">
          {/* Live mode is read-only: no palette, and the canvas gets its width. */}
          {!live && <Palette onAdd={addFromPalette} />}
          <div className="flex min-w-0 flex-1 flex-col">
            {live && (
              <div
                className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs text-slate-700"
                data-testid="live-bar"
              >
                <span className="font-semibold text-slate-900">
                  Live · v{detail.live?.version}
                  {overlay.isFetching && <span className="sr-only"> refreshing</span>}
                </span>
                <label className="flex items-center gap-1">
                  Window
                  <select
                    className="rounded border border-slate-300 bg-white px-1 py-0.5"
                    value={String(hours)}
                    onChange={(e) => setHours(Number(e.target.value))}
                  >
                    {WINDOWS.map((w) => (
                      <option key={w.value} value={w.value}>
                        {w.label}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="flex items-center gap-1">
                  Orders on
                  <select
                    className="rounded border border-slate-300 bg-white px-1 py-0.5"
                    value={overlayVersion === undefined ? "" : String(overlayVersion)}
                    onChange={(e) => setOverlayVersion(e.target.value ? Number(e.target.value) : undefined)}
                  >
                    <option value="">every version</option>
                    {detail.versions.map((v) => (
                      <option key={v.versionId} value={v.versionId}>
                        v{v.version}
                      </option>
                    ))}
                  </select>
                </label>
                <span className="flex items-center gap-1" aria-hidden>
                  <span
                    className="inline-block h-3 w-6 rounded border border-slate-300"
                    style={{ background: "linear-gradient(90deg, #fffbeb, #fed7aa, #feb2b2)" }}
                  />
                  more orders now
                </span>
                <span>
                  <span className="rounded bg-red-700 px-1 text-white">⚑</span> over SLA
                </span>
                {overlay.isError && (
                  <span role="alert" className="text-red-700">
                    Overlay failed: {overlay.error.message}
                  </span>
                )}
                {overlay.data && <span className="ml-auto text-slate-600">refreshes every 5 s</span>}
              </div>
            )}
            <div ref={canvasRef} className="min-h-0 flex-1">
              <DesignerCanvas
                def={def}
                edit={canvasEdit}
                selection={selection}
                select={select}
                problemsByState={live ? EMPTY_PROBLEMS : byState}
                erroredIds={live ? EMPTY_IDS : errored}
                highlight={highlight}
                live={liveOverlay}
              />
            </div>
            {!live && (
              <div className="h-28 shrink-0 border-t border-slate-200 bg-white">
                <ProblemsPanel problems={problems} onPick={pickProblem} />
              </div>
            )}
          </div>
          <aside aria-label="Details" className="flex w-80 shrink-0 flex-col border-l border-slate-200 bg-white">
            {/* The panels' sections are h3s: this keeps the heading outline in order for screen readers. */}
            <h2 className="sr-only">Details</h2>
            <div role="tablist" aria-label="Panels" className="flex border-b border-slate-200">
              {TABS.map((t) => (
                <button
                  key={t.id}
                  type="button"
                  role="tab"
                  id={`tab-${t.id}`}
                  aria-selected={tab === t.id}
                  aria-controls={`panel-${t.id}`}
                  onClick={() => setTab(t.id)}
                  className={`flex-1 px-1 py-2 text-sm font-medium ${tab === t.id ? "border-b-2 border-brand-600 text-slate-900" : "text-slate-600 hover:text-slate-900"}`}
                >
                  {t.label}
                </button>
              ))}
            </div>
            {TABS.map((t) => (
              <div
                key={t.id}
                role="tabpanel"
                id={`panel-${t.id}`}
                aria-labelledby={`tab-${t.id}`}
                hidden={tab !== t.id}
                className="min-h-0 flex-1 overflow-y-auto p-3"
              >
                {t.id === "inspect" && (
                  <>
                    {live && (
                      <p className="mb-2 rounded bg-slate-100 p-2 text-xs text-slate-700">
                        Live mode shows the live version, read-only. Press L (or “Design”) to edit the draft.
                      </p>
                    )}
                    <Inspector def={def} edit={canvasEdit} select={select} selection={selection} />
                  </>
                )}
                {t.id === "operate" && (
                  <div className="flex flex-col gap-3" data-testid="operate-panel">
                    {!live && (
                      <p className="rounded bg-slate-100 p-2 text-xs text-slate-700">
                        Turn on <strong>Live</strong> (L) to see orders on the graph; click a state to list its orders.
                      </p>
                    )}
                    {selection?.kind === "state" && def.states.some((s) => s.id === selection.id) && (
                      <StateOrders
                        key={selection.id}
                        workflowId={workflowId}
                        state={selection.id}
                        label={def.states.find((s) => s.id === selection.id)!.label}
                        versionId={overlayVersion}
                      />
                    )}
                    <BulkOperations
                      key={selection?.kind === "state" ? selection.id : ""}
                      workflowId={workflowId}
                      def={def}
                      detail={detail}
                      initialState={selection?.kind === "state" ? selection.id : undefined}
                    />
                    <MigrateVersions workflowId={workflowId} detail={detail} />
                  </div>
                )}
                {t.id === "simulate" && <SimulatePanel workflowId={workflowId} def={draft} shown={simulated} onShow={setSimulated} />}
                {t.id === "versions" && (
                  <VersionsPanel
                    workflowId={workflowId}
                    detail={detail}
                    onRevertToLive={() => detail.live && edit(() => detail.live!.definition)}
                    beforeRestore={() => autosave.flush()}
                    onRestored={(version) => onReload(`Restored v${version} as the draft — publish to roll back`)}
                  />
                )}
              </div>
            ))}
          </aside>
        </div>
      </div>
      {dialog?.kind === "connect" && (
        <ConnectDialog def={draft} from={dialog.from} onConnect={(to) => connectTo(dialog.from, to)} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === "help" && <KeyboardHelp onClose={() => setDialog(null)} />}
      {publishing && (
        <PublishDialog
          workflowId={workflowId}
          liveVersion={detail.live?.version ?? null}
          onClose={() => setPublishing(false)}
          onPublished={(version) => {
            setPublishing(false);
            setNotice(`Published version ${version}`);
          }}
        />
      )}
    </DesignerContext.Provider>
  );
}
