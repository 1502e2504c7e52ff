import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { products } from "@/db/schema";
import { createProgram } from "./create-program";
import { getProgramOrThrow, loadSubstitutions } from "./load-program";
import { saveProgram } from "./save-program";

/**
 * A draft copy (definition, substitutions, price) under a new name and parent SKU — how a
 * merchandiser starts next season's program from this one.
 */
export async function duplicateProgram(
  db: Database,
  userId: string,
  programId: string,
  input: { name: string; sku: string },
): Promise<{ id: string }> {
  const source = await getProgramOrThrow(db, programId);
  const [parent] = await db.select({ priceMinor: products.priceMinor }).from(products).where(eq(products.id, source.parentProductId));
  const { id } = await createProgram(db, userId, {
    name: input.name,
    sku: input.sku,
    description: source.description,
    priceMinor: parent?.priceMinor ?? 0,
  });
  await saveProgram(db, userId, id, {
    name: input.name,
    description: source.description,
    priceMinor: parent?.priceMinor ?? 0,
    draft: source.draft,
    substitutions: await loadSubstitutions(db, programId),
  });
  return { id };
}
