import { ProductSwapEditor } from "@/components/product-swaps/product-swap-editor";
import { PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/server/auth/page-actor";

export const metadata = { title: "Product swaps — Replen" };

export default async function ProductSwapsPage() {
  await requirePageActor("product_swaps:write");
  return (
    <>
      <PageHeader
        title="Product swaps"
        description="Which products a subscriber may swap to, per product — for one delivery or from the next one on. Swaps already made stay."
      />
      <ProductSwapEditor />
    </>
  );
}
