import "server-only";
import type { Database } from "@/db/client";
import type { Role } from "@/db/vocabulary/roles";
import { stateEnteredEvent } from "./commit-transition";
import { decideReview, type DecisionResult, type ReviewDecision } from "./decide-review";
import type { RuntimeEvent } from "./runtime-steps";

export type SendEvents = (events: RuntimeEvent[]) => Promise<unknown>;

/**
 * The review queue's approve/reject: commits the decision at once (guarded, the reviewer as
 * actor — a second reviewer gets CONFLICT), then sends order/approval.decided, which ends the
 * approval wait of the order's run, and the next state's event. Committing here instead of
 * in the run means a decision made before the run started waiting is never lost.
 */
export async function submitReviewDecision(
  db: Database,
  send: SendEvents,
  input: { orderId: string; decision: ReviewDecision; userId: string; role: Role; note?: string; now: Date; homeCountry: string },
): Promise<DecisionResult> {
  const result = await decideReview(db, input);
  await sendAfterCommit(send, [
    {
      name: "order/approval.decided",
      id: `order-${input.orderId}-${result.fromSeq}-decision`,
      data: {
        orderId: input.orderId,
        decision: input.decision,
        actorId: input.userId,
        seq: result.fromSeq,
        ...(input.note ? { note: input.note } : {}),
      },
    },
    stateEnteredEvent(input.orderId, result.to, result.versionId, result.seq),
  ]);
  return result;
}

/**
 * Sends events after the change they announce committed. A failed send does not undo or hide
 * the committed change: the caller still gets success, and the sweeper re-drives an order whose
 * next state never started (docs/workflow-runtime.md).
 */
export async function sendAfterCommit(send: SendEvents, events: RuntimeEvent[]): Promise<void> {
  try {
    await send(events);
  } catch (e) {
    console.error(`[workflow] sending ${events.map((x) => x.name).join(", ")} failed after commit; the sweeper will re-drive`, e);
  }
}
