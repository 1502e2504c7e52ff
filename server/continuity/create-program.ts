import "server-only";
import type { Database } from "@/db/client";
import { isUniqueViolation } from "@/db/pg-error";
import { inventory, products, programs } from "@/db/schema";
import { invalid } from "../errors/app-error";
import { auditContinuity } from "./audit-program";
import { emptyDraft } from "./program-definition";
import type { CreateProgramInput } from "./program-admin.schema";

/**
 * A new draft program and its parent product (kind `program`, what customers subscribe to).
 * The parent is created here, not picked, so every program has exactly one and a product
 * can't be the parent of two programs (unique parent_product_id).
 */
export async function createProgram(db: Database, userId: string, input: CreateProgramInput): Promise<{ id: string }> {
  try {
    return await db.transaction(async (tx) => {
      const [product] = await tx
        .insert(products)
        .values({
          sku: input.sku,
          name: input.name,
          description: input.description,
          category: "program",
          kind: "program",
          priceMinor: input.priceMinor,
          sellable: true,
        })
        .returning({ id: products.id });
      if (!product) throw new Error("insert returned no row");
      await tx.insert(inventory).values({ productId: product.id, onHand: 0 });
      const [program] = await tx
        .insert(programs)
        .values({
          name: input.name,
          description: input.description,
          parentProductId: product.id,
          draft: emptyDraft(),
          createdBy: userId,
        })
        .returning({ id: programs.id });
      if (!program) throw new Error("insert returned no row");
      await auditContinuity(tx, { type: "user", userId }, [
        { entityType: "program", entityId: program.id, action: "created", toState: "draft", data: { sku: input.sku } },
      ]);
      return { id: program.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw invalid({ sku: "A product with this SKU already exists" });
    throw e;
  }
}
