/**
 * Undo/redo for the designer: a stack of whole definitions (they are small, and whole
 * snapshots make undo trivially correct). Consecutive edits sharing a `coalesce` key
 * (e.g. typing in one text field) collapse into one step, so Ctrl+Z undoes the whole
 * word rather than one letter.
 */
export type History<T> = {
  past: T[];
  present: T;
  future: T[];
  /** Key of the edit that produced `present`; null after undo/redo/reset. */
  lastKey: string | null;
};

export type HistoryAction<T> = { type: "edit"; next: T; coalesce?: string } | { type: "undo" } | { type: "redo" } | { type: "reset"; present: T };

export const HISTORY_LIMIT = 100;

export function initHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastKey: null };
}

export function historyReducer<T>(h: History<T>, action: HistoryAction<T>): History<T> {
  switch (action.type) {
    case "edit": {
      if (Object.is(action.next, h.present)) return h;
      const key = action.coalesce ?? null;
      if (key !== null && key === h.lastKey) return { ...h, present: action.next, future: [] };
      const past = [...h.past, h.present].slice(-HISTORY_LIMIT);
      return { past, present: action.next, future: [], lastKey: key };
    }
    case "undo": {
      const prev = h.past.at(-1);
      if (prev === undefined) return h;
      return { past: h.past.slice(0, -1), present: prev, future: [h.present, ...h.future], lastKey: null };
    }
    case "redo": {
      const [next, ...rest] = h.future;
      if (next === undefined) return h;
      return { past: [...h.past, h.present], present: next, future: rest, lastKey: null };
    }
    case "reset":
      return initHistory(action.present);
  }
}

export const canUndo = (h: History<unknown>) => h.past.length > 0;
export const canRedo = (h: History<unknown>) => h.future.length > 0;
