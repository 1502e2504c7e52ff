import type { BillingPlan } from "./model/billing-plan";
import type { SubscriberState } from "./model/subscriber-state";
import type { DraftDefinition, ProgramDefinition } from "./program-definition";

// Types the continuity jsonb columns (db/schema/continuity.ts) without db/ importing server/.
declare module "@/db/vocabulary/json-shapes" {
  interface JsonShapes {
    programDraft: DraftDefinition;
    programDefinition: ProgramDefinition;
    subscriberState: SubscriberState;
    billingPlan: BillingPlan;
  }
}
