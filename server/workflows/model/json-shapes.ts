import type { WorkflowDefinition } from "./definition.schema";

// Types the workflow jsonb columns (db/schema/workflows.ts) without db/ importing server/.
declare module "@/db/vocabulary/json-shapes" {
  interface JsonShapes {
    workflowDefinition: WorkflowDefinition;
  }
}
