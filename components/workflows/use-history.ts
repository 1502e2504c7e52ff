"use client";

import { useCallback, useRef, useState } from "react";
import { type History, type HistoryAction, historyReducer, initHistory } from "./history";

/**
 * historyReducer with synchronous edits: `edit(fn)` applies `fn` to the latest value right
 * away (not later in a render), so callers can read ids an edit created in the same handler,
 * and several edits in one event compose instead of overwriting each other.
 */
export function useHistory<T>(initial: T) {
  const [history, setHistory] = useState<History<T>>(() => initHistory(initial));
  const ref = useRef(history);
  const dispatch = useCallback((action: HistoryAction<T>) => {
    ref.current = historyReducer(ref.current, action);
    setHistory(ref.current);
  }, []);
  const edit = useCallback(
    (fn: (value: T) => T, coalesce?: string) => dispatch({ type: "edit", next: fn(ref.current.present), coalesce }),
    [dispatch],
  );
  return { history, dispatch, edit };
}
