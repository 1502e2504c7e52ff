/** Program lifecycle: draft → active (published at least once) → archived (no new joiners). */
export const PROGRAM_STATUSES = ["draft", "active", "archived"] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];
