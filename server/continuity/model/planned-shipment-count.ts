import type { Program } from "./program-schema";
import { versionSlots } from "./slots";
import type { SubscriberState } from "./subscriber-state";

/**
 * How many shipments a subscriber is due from signup if they never opt out or cancel;
 * `null` for an open-ended (perpetual, no max) series. Billing plans are sized by it, so a
 * late `current_event` joiner of a regular program pays only for the slots they will get.
 */
export function plannedShipmentCount(
  program: Pick<Program, "id" | "type" | "maxChildOrders" | "versions">,
  state: Pick<SubscriberState, "versionId" | "startSlot">,
): number | null {
  const slots = versionSlots(program, state.versionId).length;
  const bySeries = program.type === "regular" ? slots - state.startSlot : program.type === "standing" ? slots : null;
  if (bySeries === null) return program.maxChildOrders;
  return program.maxChildOrders === null ? bySeries : Math.min(bySeries, program.maxChildOrders);
}
