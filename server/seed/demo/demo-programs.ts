import type { Database } from "@/db/client";
import { activateProgram } from "@/server/continuity/activate-program";
import { createProgram } from "@/server/continuity/create-program";
import type { Substitution } from "@/server/continuity/model";
import { emptyDraft, type DraftDefinition } from "@/server/continuity/program-definition";
import { saveProgram } from "@/server/continuity/save-program";
import { addDays, type LocalDate } from "@/server/schedule";

export type DemoPrograms = { regular: string; perpetual: string; standing: string };

const SUBSTITUTES = ["COF-ETH-250", "COF-COL-250", "COF-KEN-250", "COF-GUA-250", "COF-SUM-250", "COF-BRA-250"];

const series = (...productIds: string[]) => productIds.map((productId, i) => ({ eventNumber: i + 1, productId, repeat: 1 }));

/** First day of the month `offset` months after the month of `date`. */
function monthStart(date: LocalDate, offset: number): LocalDate {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01` as LocalDate;
}

/**
 * The three continuity programs, created, edited and activated by the merchandiser through
 * server/continuity as in the editor: a regular six-origin tour, a perpetual oil-change club
 * (a kit with a filter every other quarter), and the standing "coffee of the month" whose
 * phantom item is filled by dated substitutions — with the month after next left empty on
 * purpose, so "Needs attention" has something to show — and two versions split A/B.
 */
export async function createDemoPrograms(
  db: Database,
  staffId: string,
  sku: (code: string) => string,
  o: { firstDay: LocalDate; today: LocalDate; now: Date },
): Promise<DemoPrograms> {
  const make = async (
    name: string,
    code: string,
    priceMinor: number,
    description: string,
    draft: DraftDefinition,
    substitutions: Substitution[] = [],
  ) => {
    const { id } = await createProgram(db, staffId, { name, description, sku: code, priceMinor });
    const saved = await saveProgram(db, staffId, id, { name, description, priceMinor, draft, substitutions }, o.now);
    if (saved.issues.length > 0) throw new Error(`demo program ${name} is invalid: ${JSON.stringify(saved.issues)}`);
    await activateProgram(db, staffId, id, o.now);
    return id;
  };

  const regular = await make("Origins tour", "CLUB-ORIGINS", 1500, "Six single origins, one a month, then it ends.", {
    ...emptyDraft(),
    type: "regular",
    startRule: "first_event",
    period: "monthly",
    leadDays: 5,
    versions: [{ id: "A", series: series(...SUBSTITUTES.map(sku)) }],
    defaultVersionId: "A",
  });

  const perpetual = await make("Oil change club", "CLUB-OIL", 4500, "Motor oil every 3 months, with a new filter every other time.", {
    ...emptyDraft(),
    type: "perpetual",
    startRule: "first_event",
    period: "quarterly",
    leadDays: 7,
    versions: [{ id: "A", series: series(sku("OIL-KIT-5W30"), sku("OIL-5W30-5L")) }],
    defaultVersionId: "A",
  });

  const phantom = sku("COF-OF-THE-MONTH");
  const seriesStart = monthStart(o.firstDay, -1);
  // Every month from the series start to three months ahead has its coffee, except the month after next.
  const substitutions: Substitution[] = [];
  for (let m = 0; m <= 7; m++) {
    const from = monthStart(seriesStart, m);
    if (from === monthStart(o.today, 2)) continue;
    const month = Number(from.slice(5, 7));
    const code = month === 12 ? "COF-HOLIDAY-250" : month === 1 ? "COF-WINTER-250" : SUBSTITUTES[m % SUBSTITUTES.length]!;
    substitutions.push({ phantomProductId: phantom, substituteProductId: sku(code), from, to: addDays(monthStart(from, 1), -1) });
  }
  const standing = await make(
    "Coffee of the month",
    "CLUB-COTM",
    1800,
    "Everyone gets the same coffee each month; decaf fans get every other one decaf.",
    {
      ...emptyDraft(),
      type: "standing",
      startRule: "current_event",
      seriesStartDate: seriesStart,
      period: "monthly",
      leadDays: 7,
      versions: [
        { id: "A", series: series(phantom, phantom, phantom, phantom, phantom, phantom, phantom, phantom, phantom, phantom, phantom, phantom) },
        {
          id: "B",
          series: series(
            phantom,
            sku("COF-DECAF-COL-250"),
            phantom,
            sku("COF-DECAF-COL-250"),
            phantom,
            sku("COF-DECAF-COL-250"),
            phantom,
            sku("COF-DECAF-COL-250"),
            phantom,
            sku("COF-DECAF-COL-250"),
            phantom,
            sku("COF-DECAF-COL-250"),
          ),
        },
      ],
      defaultVersionId: "A",
      assignmentRules: [
        {
          split: [
            { versionId: "A", percent: 50 },
            { versionId: "B", percent: 50 },
          ],
        },
      ],
    },
    substitutions,
  );
  return { regular, perpetual, standing };
}
