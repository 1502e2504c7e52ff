"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type SaveStatus = "saved" | "unsaved" | "saving" | "error" | "invalid";

/**
 * Debounced autosave of a JSON-serialisable value. Saves run one at a time; edits made
 * while a save is in flight are picked up by the next one. `flush()` saves immediately
 * (e.g. before publishing) and resolves to whether the value is now saved.
 */
export function useAutosave<T>(value: T, save: (v: T) => Promise<unknown>, opts: { canSave: boolean; delayMs?: number }) {
  const json = JSON.stringify(value);
  const [savedJson, setSavedJson] = useState(json);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef({ value, json, canSave: opts.canSave, save });
  const savedRef = useRef(savedJson);
  const inFlight = useRef<Promise<unknown> | null>(null);

  useEffect(() => {
    latest.current = { value, json, canSave: opts.canSave, save };
  });

  const flush = useCallback(async (): Promise<boolean> => {
    while (inFlight.current) await inFlight.current.catch(() => undefined);
    const { value: v, json: j, canSave, save: doSave } = latest.current;
    if (j === savedRef.current) return true;
    if (!canSave) return false;
    setSaving(true);
    const p = doSave(v);
    inFlight.current = p;
    try {
      await p;
      savedRef.current = j;
      setSavedJson(j);
      setError(null);
      return latest.current.json === j;
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not save");
      return false;
    } finally {
      inFlight.current = null;
      setSaving(false);
    }
  }, []);

  const delay = opts.delayMs ?? 800;
  useEffect(() => {
    if (json === savedJson || !opts.canSave) return;
    const timer = setTimeout(() => void flush(), delay);
    return () => clearTimeout(timer);
  }, [json, savedJson, opts.canSave, delay, flush]);

  const dirty = json !== savedJson;
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const status: SaveStatus = saving ? "saving" : !dirty ? "saved" : !opts.canSave ? "invalid" : error ? "error" : "unsaved";
  return { status, error, flush };
}
