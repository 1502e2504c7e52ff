import "server-only";
import type { DbOrTx } from "@/db/client";
import { conflict } from "../errors/app-error";
import { forecastShipments, type ForecastRow } from "./forecast";
import { loadEnrollments, loadOptOuts } from "./load-enrollments";
import { getProgramOrThrow, loadPrograms, loadProducts, productIdsOf, programKey } from "./load-program";
import { stateOnRevision } from "./state-on-revision";

export interface PreviewShipmentView {
  shipmentIndex: number;
  date: string;
  eventNumber: number;
  itemName: string;
  shipsName: string | null;
}
export interface WorkbenchPreview {
  subscriptionId: string;
  fromRevision: number;
  toRevision: number;
  fromVersion: string;
  toVersion: string;
  before: PreviewShipmentView[];
  after: PreviewShipmentView[];
  changed: boolean;
  endsNow: boolean;
}

/** For each chosen subscription: its next 3 shipments on its revision vs on the current one. */
export async function previewWorkbench(db: DbOrTx, programId: string, subscriptionIds: readonly string[]): Promise<WorkbenchPreview[]> {
  const program = await getProgramOrThrow(db, programId);
  const to = program.currentRevision;
  if (to === null) throw conflict("Activate the program first");
  const enrollments = (await loadEnrollments(db, subscriptionIds)).filter((e) => e.programId === programId);
  const programs = await loadPrograms(db, [{ programId, revision: to }, ...enrollments]);
  const target = programs.get(programKey(programId, to))!;
  const { byId, isPhantom } = await loadProducts(db, [...programs.values()].flatMap(productIdsOf));
  const optOuts = await loadOptOuts(
    db,
    enrollments.map((e) => e.subscriptionId),
  );
  const view = (rows: ForecastRow[]) =>
    rows.map((r) => ({
      shipmentIndex: r.shipmentIndex,
      date: r.date,
      eventNumber: r.eventNumber,
      itemName: byId.get(r.productId)?.name ?? "?",
      shipsName: r.shipsProductId ? (byId.get(r.shipsProductId)?.name ?? "?") : null,
    }));
  return enrollments.map((e) => {
    const current = programs.get(programKey(programId, e.revision))!;
    const opts = { count: 3, optOuts: optOuts.get(e.subscriptionId), isPhantom };
    const before = view(forecastShipments(current, e.state, e, opts));
    const movedState = stateOnRevision(target, e.state);
    const after = view(forecastShipments(target, movedState, e, opts));
    return {
      subscriptionId: e.subscriptionId,
      fromRevision: e.revision,
      toRevision: to,
      fromVersion: e.versionId,
      toVersion: movedState.versionId,
      before,
      after,
      changed: JSON.stringify(before) !== JSON.stringify(after) || e.revision !== to,
      endsNow: after.length === 0 && before.length > 0,
    };
  });
}
