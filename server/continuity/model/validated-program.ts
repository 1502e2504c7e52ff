import { programIssues } from "./program-issues";
import { programShape } from "./program-schema";

/**
 * A program with its cross-field rules applied, each reported with the path of the field to fix.
 * Kept apart from the shapes in program-schema.ts because the rules read the shapes' types:
 * one file holding both made program-schema ⇄ program-issues an import cycle.
 */
export const programSchema = programShape.superRefine((program, ctx) => {
  for (const issue of programIssues(program)) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
});
