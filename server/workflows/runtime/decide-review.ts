import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import type { Role } from "@/db/vocabulary/roles";
import { AppError, conflict, notFound } from "@/server/errors/app-error";
import { chooseTransition, compareTransitions, type ManualRole, triggerMatches, type WorkflowDefinition } from "../model";
import { commitTransition } from "./commit-transition";
import { currentVisit } from "./current-visit";
import { orderFacts } from "./order-facts";

export type ReviewDecision = "approve" | "reject";
export type DecisionResult = { from: string; to: string; seq: number; fromSeq: number; versionId: number; transitionId: string };

/**
 * Which manual transition a queue button means: "approve" is the first (by priority) manual
 * exit the role may take into a non-terminal state, "reject" the first into a terminal one.
 * In the default workflow: t_review_approve → processing, t_review_reject → rejected.
 */
export function reviewTransitionId(def: WorkflowDefinition, stateId: string, role: ManualRole, decision: ReviewDecision): string | null {
  const terminal = new Set(def.states.filter((s) => s.kind === "terminal").map((s) => s.id));
  const exits = def.transitions
    .filter((t) => t.from === stateId && t.trigger.kind === "manual" && triggerMatches(t.trigger, { kind: "manual", role }))
    .sort(compareTransitions);
  return exits.find((t) => (decision === "approve" ? !terminal.has(t.to) : terminal.has(t.to)))?.id ?? null;
}

function manualRole(role: Role): ManualRole {
  if (role === "admin" || role === "merchandiser") return role;
  throw new AppError("FORBIDDEN", "Only staff can review orders");
}

/**
 * Approves or rejects an order waiting in a manual-review state: a guarded commit with the
 * reviewer as actor. CONFLICT if the order is not (or no longer, or not in visit `seq`)
 * awaiting review — e.g. a second reviewer clicked a moment later.
 */
export async function decideReview(
  db: Database,
  input: { orderId: string; decision: ReviewDecision; userId: string; role: Role; note?: string; seq?: number; now: Date; homeCountry: string },
): Promise<DecisionResult> {
  const role = manualRole(input.role);
  const visit = await currentVisit(db, input.orderId);
  if (!visit) throw notFound("Order");
  const { definition, versionId } = visit.pinned;
  const state = definition.states.find((s) => s.id === visit.state);
  if (!state?.manualReview || (input.seq !== undefined && input.seq !== visit.seq)) {
    throw conflict("This order is not waiting for review any more.");
  }
  const transitionId = reviewTransitionId(definition, visit.state, role, input.decision);
  if (!transitionId) throw new AppError("FORBIDDEN", `Your role cannot ${input.decision} orders in ${state.label}`);
  const facts = await orderFacts(db, input.orderId, input.homeCountry);
  const chosen = chooseTransition(definition, visit.state, facts, { kind: "manual", role, transitionId });
  if (!chosen) throw conflict("This decision is not allowed for this order.");
  const commit = await commitTransition(db, {
    orderId: input.orderId,
    from: visit.state,
    seq: visit.seq,
    to: chosen.transition.to,
    versionId,
    via: "manual",
    edgeId: transitionId,
    firedGuard: chosen.firedGuard,
    inputs: chosen.inputs,
    actor: { type: "user", id: input.userId },
    now: input.now,
    note: input.note,
    extra: { decision: input.decision },
  });
  if (!commit.committed) throw conflict("This order was just decided by someone else.");
  return { from: visit.state, to: chosen.transition.to, seq: commit.seq, fromSeq: visit.seq, versionId, transitionId };
}

/** The role of the user behind an approval event that did not come through the API. */
export async function roleOfUser(db: Database, userId: string): Promise<Role | null> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return null;
  const [u] = await db.select({ role: users.role }).from(users).where(eq(users.id, userId));
  return u?.role ?? null;
}
