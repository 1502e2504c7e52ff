import "server-only";
import type { Transaction } from "@/db/client";
import { CANCELLED_STATE } from "@/server/orders/order-states";
import { releaseStock } from "@/server/orders/release-stock";
import { conflict } from "@/server/errors/app-error";
import { commitTransitions, stateEnteredEvent } from "./commit-transition";
import type { RuntimeActor, RuntimeEvent } from "./runtime-steps";

export type ExternalCancel = {
  orderId: string;
  /** The state and transition_seq the caller saw (with the order row locked). */
  from: string;
  seq: number;
  /** The pinned workflow version; null when the order's workflow never started. */
  versionId: number | null;
  actor: RuntimeActor;
  now: Date;
  /** Why, for the audit row (e.g. { event: "intake/cancelled", payloadId }). */
  data: Record<string, unknown>;
};

/**
 * Cancels an order from outside its workflow (a channel cancelled it), in the caller's
 * transaction, the way the runtime commits any move: one guarded UPDATE (state = :from AND
 * transition_seq = :seq, which also bumps the seq so a step still in flight for the old
 * state can no longer commit) with its `transition` audit row (via `external`). The stock the
 * order held is released in the same transaction (releaseStock). Money is not touched here —
 * a gateway call has no place in a transaction: the returned `order/state.entered` event,
 * sent after commit, runs the terminal state, whose settlement voids or refunds the payment
 * (and the stuck-order sweeper settles a terminal order still holding money if it is lost).
 * No event for an order whose workflow never started: it has no payment yet.
 * CONFLICT if the order moved since the caller looked.
 */
export async function cancelOrderExternally(tx: Transaction, c: ExternalCancel): Promise<{ seq: number; event: RuntimeEvent | null }> {
  const [commit] = await commitTransitions(tx, [
    {
      orderId: c.orderId,
      from: c.from,
      seq: c.seq,
      to: CANCELLED_STATE,
      versionId: c.versionId,
      via: "external",
      edgeId: `${c.from}:external_cancel`,
      firedGuard: "external",
      inputs: {},
      actor: c.actor,
      now: c.now,
      extra: c.data,
    },
  ]);
  if (!commit?.committed) throw conflict("This order changed while it was being cancelled; try again.");
  await releaseStock(tx, [c.orderId], c.now);
  const event = c.versionId === null ? null : stateEnteredEvent(c.orderId, CANCELLED_STATE, c.versionId, commit.seq);
  return { seq: commit.seq, event };
}
