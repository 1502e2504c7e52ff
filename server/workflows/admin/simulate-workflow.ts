import "server-only";
import { desc } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { orders } from "@/db/schema";
import { type OrderFacts, sampleOrderFacts, type SimulationOutcomes, type SimulationResult, simulate, type WorkflowDefinition } from "../model";
import { orderFacts } from "../runtime/order-facts";

export type SimulationRow = { orderId?: string; orderNumber?: number; facts: OrderFacts } & SimulationResult;

/**
 * Dry-runs a (draft) definition: against the given facts (over the sample order), or against
 * the facts of the last N real orders — "what would this change do to today's orders?".
 */
export async function simulateWorkflow(
  db: DbOrTx,
  input: { definition: WorkflowDefinition; facts?: Partial<OrderFacts>; lastN?: number; outcomes?: SimulationOutcomes; homeCountry: string },
): Promise<{ results: SimulationRow[] }> {
  if (!input.lastN) {
    const facts = sampleOrderFacts(input.facts ?? {});
    return { results: [{ facts, ...simulate(input.definition, facts, input.outcomes) }] };
  }
  const recent = await db
    .select({ id: orders.id, number: orders.number })
    .from(orders)
    .orderBy(desc(orders.createdAt), desc(orders.number))
    .limit(input.lastN);
  const results: SimulationRow[] = [];
  for (const o of recent) {
    const facts = await orderFacts(db, o.id, input.homeCountry);
    results.push({ orderId: o.id, orderNumber: o.number, facts, ...simulate(input.definition, facts, input.outcomes) });
  }
  return { results };
}
