/**
 * The TypeScript shapes of jsonb columns. A shape is a domain model (a zod-derived program or
 * workflow definition, a canonical order), so it is declared by the domain that owns it, not
 * here: db/ never imports server/. Each owner fills in its keys by declaration merging, e.g.
 *
 *   declare module "@/db/vocabulary/json-shapes" {
 *     interface JsonShapes { workflowDefinition: WorkflowDefinition }
 *   }
 *
 * (server/<domain>/json-shapes.ts). A key nobody registers reads as `unknown`, so a missing
 * registration fails the typecheck where the column is used instead of going unnoticed.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by declaration merging
export interface JsonShapes {}

export type JsonShape<K extends string> = K extends keyof JsonShapes ? JsonShapes[K] : unknown;
