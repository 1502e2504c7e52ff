"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { substitutionIssues } from "@/server/continuity/model";
import { addMonthsClamped, compareLocalDates, daysInMonth, type LocalDate } from "@/server/schedule";
import type { CatalogItem } from "./api";
import type { EditorState } from "./editor-state";
import { ProductSelect } from "./product-select";

type Change = (fn: (s: EditorState) => EditorState) => void;

/**
 * The live "item of the month" calendar: date ranges per phantom with the real product that
 * ships. Overlaps are checked as you type (the model's own rule) and shown on the row; a
 * 12-month strip per phantom shows covered / missing / overlapping months at a glance.
 */
export function SubstitutionsSection({
  state,
  products,
  serverErrors,
  today,
  onChange,
}: {
  state: EditorState;
  products: CatalogItem[];
  serverErrors: Record<string, string>;
  today: LocalDate;
  onChange: Change;
}) {
  const subs = state.substitutions;
  const local = Object.fromEntries(substitutionIssues(subs).map((i) => [i.path.join("."), i.message]));
  const errors = { ...serverErrors, ...local };
  const phantoms = products.filter((p) => p.kind === "phantom");
  const used = [...new Set(state.draft.versions.flatMap((v) => v.series.map((e) => e.productId)))].filter((id) => phantoms.some((p) => p.id === id));
  const set = (i: number, patch: Partial<EditorState["substitutions"][number]>) =>
    onChange((s) => ({ ...s, substitutions: s.substitutions.map((x, j) => (j === i ? { ...x, ...patch } : x)) }));
  const add = () =>
    onChange((s) => ({
      ...s,
      substitutions: [
        ...s.substitutions,
        { phantomProductId: used[0] ?? phantoms[0]?.id ?? "", substituteProductId: "", from: today.slice(0, 8) + "01", to: monthEnd(today) },
      ],
    }));
  return (
    <Card
      title="Substitutions calendar"
      actions={
        <Button variant="secondary" onClick={add}>
          Add substitution
        </Button>
      }
    >
      <p className="mb-3 text-xs text-slate-500">
        Applies to every subscriber as soon as it is saved. A phantom shipment with no substitute is never shipped and shows up under “Needs
        attention”.
      </p>
      {used.map((id) => (
        <MonthStrip key={id} name={phantoms.find((p) => p.id === id)?.name ?? "Phantom"} phantomId={id} subs={subs} today={today} />
      ))}
      {subs.length === 0 ? (
        <p className="text-sm text-slate-500">No substitutions yet.</p>
      ) : (
        <table className="mt-3 w-full text-sm">
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr>
              <th>Phantom</th>
              <th>Ships instead</th>
              <th>From</th>
              <th>To</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {subs.map((s, i) => {
              const rowErrors = Object.entries(errors)
                .filter(([k]) => k.startsWith(`substitutions.${i}.`))
                .map(([, m]) => m);
              return (
                <tr key={i} data-testid="substitution-row" className={`border-t border-slate-100 align-top ${rowErrors.length ? "bg-red-50" : ""}`}>
                  <td className="py-2">
                    <ProductSelect
                      label={`Substitution ${i + 1} phantom`}
                      kinds={["phantom"]}
                      products={products}
                      value={s.phantomProductId}
                      onChange={(v) => set(i, { phantomProductId: v })}
                    />
                  </td>
                  <td>
                    <ProductSelect
                      label={`Substitution ${i + 1} product`}
                      kinds={["standard"]}
                      products={products}
                      value={s.substituteProductId}
                      onChange={(v) => set(i, { substituteProductId: v })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`Substitution ${i + 1} from`}
                      type="date"
                      className="rounded border border-slate-300 px-2 py-1"
                      value={s.from}
                      onChange={(e) => set(i, { from: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`Substitution ${i + 1} to`}
                      type="date"
                      className="rounded border border-slate-300 px-2 py-1"
                      value={s.to}
                      onChange={(e) => set(i, { to: e.target.value })}
                    />
                  </td>
                  <td className="text-right">
                    <Button
                      variant="ghost"
                      aria-label={`Remove substitution ${i + 1}`}
                      onClick={() => onChange((st) => ({ ...st, substitutions: st.substitutions.filter((_, j) => j !== i) }))}
                    >
                      ✕
                    </Button>
                  </td>
                  {rowErrors.length > 0 && <td className="sr-only" />}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {Object.entries(errors).length > 0 && (
        <ul className="mt-2 text-xs text-red-600" role="alert">
          {Object.entries(errors).map(([k, m]) => (
            <li key={k}>
              Substitution #{Number(k.split(".")[1]) + 1}: {m}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function monthEnd(date: LocalDate): LocalDate {
  const [y, m] = date.split("-").map(Number) as [number, number];
  return `${date.slice(0, 8)}${String(daysInMonth(y, m)).padStart(2, "0")}`;
}

/** Next 12 months for one phantom: green = covered all month, amber = partly, red = none, striped = overlap. */
function MonthStrip({ name, phantomId, subs, today }: { name: string; phantomId: string; subs: EditorState["substitutions"]; today: LocalDate }) {
  const first = `${today.slice(0, 8)}01`;
  const months = Array.from({ length: 12 }, (_, i) => addMonthsClamped(first, i));
  const mine = subs.filter((s) => s.phantomProductId === phantomId && s.from && s.to);
  return (
    <div className="mb-2">
      <div className="mb-1 text-xs font-medium text-slate-600">{name}</div>
      <div className="grid grid-cols-12 gap-1" aria-label={`${name} coverage by month`}>
        {months.map((start) => {
          const end = monthEnd(start);
          const touching = mine.filter((s) => compareLocalDates(s.from, end) <= 0 && compareLocalDates(start, s.to) <= 0);
          const full = touching.some((s) => compareLocalDates(s.from, start) <= 0 && compareLocalDates(end, s.to) <= 0);
          const overlap = touching.some((a, i) =>
            touching.some((b, j) => j > i && compareLocalDates(a.from, b.to) <= 0 && compareLocalDates(b.from, a.to) <= 0),
          );
          const cls = overlap ? "bg-red-400 text-white" : full ? "bg-emerald-300" : touching.length > 0 ? "bg-amber-200" : "bg-red-100";
          const label = overlap ? "overlap" : full ? "covered" : touching.length ? "partly covered" : "missing";
          return (
            <div key={start} title={`${start.slice(0, 7)}: ${label}`} className={`rounded px-1 py-1 text-center text-[10px] ${cls}`}>
              {start.slice(2, 7)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
