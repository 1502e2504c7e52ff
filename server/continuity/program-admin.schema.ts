/** Request schemas for the merchandiser's program API (pure: the editor imports them too). */
import { z } from "zod";
import { boundedLocalDate } from "@/server/schedule/date-range";
import { draftDefinitionSchema, substitutionRowSchema } from "./program-definition";

const money = z.number({ error: "Enter a price" }).int({ error: "Use whole cents" }).min(0, { error: "Price can't be negative" }).max(10_000_000);

export const createProgramSchema = z.object({
  name: z.string().trim().min(1, { error: "Name the program" }).max(120),
  description: z.string().trim().max(2000).default(""),
  sku: z
    .string()
    .trim()
    .min(1, { error: "Enter a SKU" })
    .max(64)
    .regex(/^[A-Za-z0-9._-]+$/, { error: "Letters, digits, . _ - only" }),
  /** Price of one shipment: what the parent product sells for. */
  priceMinor: money,
});
export type CreateProgramInput = z.infer<typeof createProgramSchema>;

export const saveProgramSchema = z.object({
  name: z.string().trim().min(1, { error: "Name the program" }).max(120),
  description: z.string().trim().max(2000).default(""),
  priceMinor: money,
  draft: draftDefinitionSchema,
  substitutions: z.array(substitutionRowSchema).max(500),
});
export type SaveProgramInput = z.infer<typeof saveProgramSchema>;

export const editorPreviewSchema = z.object({
  draft: draftDefinitionSchema,
  substitutions: z.array(substitutionRowSchema).max(500),
  joinDate: boundedLocalDate(),
  versionId: z.string().optional(),
  count: z.number().int().min(1).max(36).default(12),
});
export type EditorPreviewInput = z.infer<typeof editorPreviewSchema>;

export const createPhantomSchema = z.object({
  name: z.string().trim().min(1, { error: "Name the placeholder" }).max(120),
  sku: z
    .string()
    .trim()
    .min(1, { error: "Enter a SKU" })
    .max(64)
    .regex(/^[A-Za-z0-9._-]+$/, { error: "Letters, digits, . _ - only" }),
});
