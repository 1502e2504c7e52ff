import "server-only";
import type { DbOrTx } from "@/db/client";
import { isLocalDate, type LocalDate } from "@/server/schedule";
import { invalid } from "../errors/app-error";
import { loadProducts, productIdsOf } from "./load-program";
import { generationDate, previewShipments, resolveSubstitution, type Program } from "./model";
import { validateProgram, type DraftDefinition, type ProgramIssue } from "./program-definition";
import type { Substitution } from "./model";

export interface PreviewRow {
  shipmentIndex: number;
  date: LocalDate;
  generationDate: LocalDate;
  eventNumber: number;
  productId: string;
  productName: string;
  /** What ships: the substitute for a phantom; null when the phantom has no substitute then. */
  shipsProductId: string | null;
  shipsName: string | null;
  substituted: boolean;
  missingSubstitute: boolean;
}

/** "Next N shipments for someone joining on X", with product names and substitutions resolved. */
export async function previewProgram(
  db: DbOrTx,
  program: Program,
  opts: { joinDate: LocalDate; count: number; versionId?: string },
): Promise<PreviewRow[]> {
  const { byId, isPhantom } = await loadProducts(db, productIdsOf(program));
  const rows = previewShipments(program, { joinDate: opts.joinDate, count: opts.count, versionId: opts.versionId });
  return rows.map((r) => {
    const sub = resolveSubstitution(r.productId, r.date, program.substitutions, isPhantom);
    const shipsProductId = "missing" in sub ? null : sub.productId;
    return {
      shipmentIndex: r.shipmentIndex,
      date: r.date,
      generationDate: generationDate(r.date, program.leadDays),
      eventNumber: r.eventNumber,
      productId: r.productId,
      productName: byId.get(r.productId)?.name ?? "Unknown product",
      shipsProductId,
      shipsName: shipsProductId ? (byId.get(shipsProductId)?.name ?? "Unknown product") : null,
      substituted: "missing" in sub ? false : sub.substituted,
      missingSubstitute: "missing" in sub,
    };
  });
}

/** The editor's preview of an unsaved draft: its issues if it can't run yet, else the rows. */
export async function previewDraft(
  db: DbOrTx,
  programId: string,
  input: { draft: DraftDefinition; substitutions: Substitution[]; joinDate: string; versionId?: string; count: number },
): Promise<{ issues: ProgramIssue[]; rows: PreviewRow[] }> {
  if (!isLocalDate(input.joinDate)) throw invalid({ joinDate: "Enter a valid date (YYYY-MM-DD)" });
  const result = validateProgram(programId, input.draft, input.substitutions);
  if (!result.ok) return { issues: result.issues, rows: [] };
  const versionId = result.program.versions.some((v) => v.id === input.versionId) ? input.versionId : undefined;
  return { issues: [], rows: await previewProgram(db, result.program, { joinDate: input.joinDate, count: input.count, versionId }) };
}
