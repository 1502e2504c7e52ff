import type { IntakeIssue, StoredCanonical } from "./intake-status";

// Types the intake jsonb columns (db/schema/intake.ts) without db/ importing server/.
declare module "@/db/vocabulary/json-shapes" {
  interface JsonShapes {
    intakeIssues: IntakeIssue[];
    intakeCanonical: StoredCanonical;
  }
}
