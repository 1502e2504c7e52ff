/** The three kinds of people who use Replen. Shared by the pgEnum, zod and the UI. */
export const ROLES = ["customer", "merchandiser", "admin"] as const;
export type Role = (typeof ROLES)[number];
