"use client";

import { useReactFlow } from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type SimulationResult, type WorkflowDefinition, withAutoLayout } from "@/server/workflows/model";
import { type WorkflowDetail, saveDraft } from "./api";
import { DesignerCanvas } from "./designer-canvas";
import { DesignerContext } from "./designer-context";
import { designerProblems, type DesignerProblem, erroredIds as toErroredIds, problemsByState } from "./designer-problems";
import { DesignerToolbar } from "./designer-toolbar";
import { addAction, addState } from "./definition-edits";
import { deleteSelection } from "./delete-selection";
import { highlightOf, NO_HIGHLIGHT } from "./flow-mapping";
import { canRedo, canUndo } from "./history";
import { Inspector } from "./inspector/inspector";
import { Palette, type PaletteItem } from "./palette";
import { ProblemsPanel } from "./problems-panel";
import { PublishDialog } from "./publish-dialog";
import { type Selection, selectionOfProblem, stateOfSelection } from "./selection";
import { SimulatePanel } from "./simulate-panel";
import { useAutosave } from "./use-autosave";
import { useHistory } from "./use-history";
import { VersionsPanel } from "./versions-panel";

type Tab = "inspect" | "simulate" | "versions";
const TABS: Array<{ id: Tab; label: string }> = [
  { id: "inspect", label: "Inspector" },
  { id: "simulate", label: "Simulate" },
  { id: "versions", label: "Versions" },
];

/** Viewport animations are skipped for users (and tests) that prefer reduced motion. */
const animation = () => (window.matchMedia("(prefers-reduced-motion: reduce)").matches ? 0 : 300);

const isTyping = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName));

/** The designer for one workflow: palette, canvas, problems, inspector/simulate/versions, toolbar. */
export function DesignerWorkspace({ detail }: { detail: WorkflowDetail }) {
  const workflowId = String(detail.workflow.id);
  const flow = useReactFlow();
  const { history, dispatch, edit } = useHistory<WorkflowDefinition>(detail.draft);
  const def = history.present;
  const [selection, setSelection] = useState<Selection>(null);
  const [tab, setTab] = useState<Tab>("inspect");
  const [simulated, setSimulated] = useState<SimulationResult | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const canvasRef = useRef<HTMLDivElement>(null);

  const { problems, parses } = useMemo(() => designerProblems(def), [def]);
  const byState = useMemo(() => problemsByState(def, problems), [def, problems]);
  const errored = useMemo(() => toErroredIds(problems), [problems]);
  const highlight = useMemo(() => (simulated ? highlightOf(simulated) : NO_HIGHLIGHT), [simulated]);
  const save = useCallback((d: WorkflowDefinition) => saveDraft(workflowId, d), [workflowId]);
  const autosave = useAutosave(def, save, { canSave: parses });

  const select = useCallback((sel: Selection) => {
    setSelection(sel);
    if (sel) setTab("inspect");
  }, []);
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

  const autoLayout = () => {
    edit(withAutoLayout);
    requestAnimationFrame(() => void flow.fitView({ padding: 0.08, duration: animation(), maxZoom: 1 }));
  };

  // Undo/redo/delete from the keyboard, except while typing (fields keep their own undo).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || publishing) return;
      const mod = e.metaKey || e.ctrlKey;
      const key = e.key.toLowerCase();
      if (mod && key === "z") {
        e.preventDefault();
        dispatch({ type: e.shiftKey ? "redo" : "undo" });
      } else if (mod && key === "y") {
        e.preventDefault();
        dispatch({ type: "redo" });
      } else if (e.key === "Escape" && selection) {
        setSelection(null);
      } else if ((e.key === "Delete" || e.key === "Backspace") && selection) {
        e.preventDefault();
        edit((d) => deleteSelection(d, selection));
        setSelection(null);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [dispatch, edit, selection, publishing]);

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
          onAutoLayout={autoLayout}
          onFitView={() => void flow.fitView({ padding: 0.08, duration: animation(), maxZoom: 1 })}
          publishBlockedReason={blockedReason}
          onPublish={() => void openPublish()}
          notice={notice}
        />
        <div className="flex min-h-0 flex-1">
          <Palette onAdd={addFromPalette} />
          <div className="flex min-w-0 flex-1 flex-col">
            <div ref={canvasRef} className="min-h-0 flex-1">
              <DesignerCanvas
                def={def}
                edit={edit}
                selection={selection}
                select={select}
                problemsByState={byState}
                erroredIds={errored}
                highlight={highlight}
              />
            </div>
            <div className="h-28 shrink-0 border-t border-slate-200 bg-white">
              <ProblemsPanel problems={problems} onPick={pickProblem} />
            </div>
          </div>
          <aside aria-label="Details" className="flex w-80 shrink-0 flex-col border-l border-slate-200 bg-white">
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
                  className={`flex-1 px-2 py-2 text-sm font-medium ${tab === t.id ? "border-b-2 border-brand-600 text-slate-900" : "text-slate-500 hover:text-slate-800"}`}
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
                {t.id === "inspect" && <Inspector def={def} edit={edit} select={select} selection={selection} />}
                {t.id === "simulate" && <SimulatePanel workflowId={workflowId} def={def} shown={simulated} onShow={setSimulated} />}
                {t.id === "versions" && <VersionsPanel detail={detail} onRevertToLive={() => detail.live && edit(() => detail.live!.definition)} />}
              </div>
            ))}
          </aside>
        </div>
      </div>
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
