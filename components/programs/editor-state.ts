/** The program editor's state and its pure edits (unit-tested; no React). */
import type { Substitution } from "@/server/continuity/model";
import type { DraftDefinition } from "@/server/continuity/program-definition";

export interface EditorState {
  name: string;
  description: string;
  priceMinor: number;
  draft: DraftDefinition;
  substitutions: Substitution[];
}

type Series = DraftDefinition["versions"][number]["series"];

/** Events are numbered 1..n in ship order; every edit renumbers so the numbers never lie. */
export function renumber(series: Series): Series {
  return series.map((e, i) => ({ ...e, eventNumber: i + 1 }));
}

/** Moves the event at `from` to position `to` (drag and drop, or the up/down buttons). */
export function moveEvent(series: Series, from: number, to: number): Series {
  if (from === to || from < 0 || from >= series.length || to < 0 || to >= series.length) return series;
  const next = [...series];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return renumber(next);
}

export function updateVersion(state: EditorState, versionIndex: number, fn: (series: Series) => Series): EditorState {
  const versions = state.draft.versions.map((v, i) => (i === versionIndex ? { ...v, series: renumber(fn(v.series)) } : v));
  return { ...state, draft: { ...state.draft, versions } };
}

/** A new version id not yet used: B, C, … */
export function nextVersionId(ids: readonly string[]): string {
  for (let c = 65; c < 91; c++) if (!ids.includes(String.fromCharCode(c))) return String.fromCharCode(c);
  return `V${ids.length + 1}`;
}

/** Issues at a path or below it ("versions.0" matches "versions.0.series.1.productId"). */
export function issuesUnder(issues: ReadonlyArray<{ path: string; message: string }>, prefix: string): string[] {
  return issues.filter((i) => i.path === prefix || i.path.startsWith(`${prefix}.`)).map((i) => i.message);
}

export function issueAt(issues: ReadonlyArray<{ path: string; message: string }>, path: string): string | undefined {
  return issues.find((i) => i.path === path)?.message;
}
