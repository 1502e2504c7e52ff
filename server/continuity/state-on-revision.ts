import { initialSubscriberState, type Program, type SubscriberState } from "./model";

/**
 * An enrollment's state moved onto another revision of its program (workbench "apply"). The
 * counters carry over — what was shipped stays shipped — while the version and start slot are
 * re-derived on the new definition: the same version if it still exists (else the new default)
 * and, for calendar-based programs, the start slot the join date gives with the new series
 * length, so standing subscribers keep getting "the period's event" after a series change.
 * Billing is NOT re-planned: the customer keeps the terms they signed up on.
 */
export function stateOnRevision(program: Program, state: SubscriberState): SubscriberState {
  const versionId = program.versions.some((v) => v.id === state.versionId) ? state.versionId : program.defaultVersionId;
  const fresh = initialSubscriberState(program, { versionId, joinedOn: state.joinedOn });
  return {
    ...fresh,
    shipmentsProcessed: state.shipmentsProcessed,
    positionsConsumed: state.positionsConsumed,
    childOrdersCreated: state.childOrdersCreated,
  };
}
