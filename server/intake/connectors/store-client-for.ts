import { amazonClient, amazonGates } from "../channels/amazon/sp-api-client";
import { bigCommerceClient } from "./bigcommerce-client";
import { shopifyClient } from "./shopify-client";
import type { StoreClient, StoreContext } from "./store-client";
import { wooCommerceClient } from "./woocommerce-client";

// One set of SP-API rate gates per store for the life of the process: runs of the same store share its budget.
const gatesByStore = new Map<string, ReturnType<typeof amazonGates>>();

export function storeClientFor(ctx: StoreContext): StoreClient {
  switch (ctx.channel) {
    case "shopify":
      return shopifyClient(ctx as StoreContext<"shopify">);
    case "woocommerce":
      return wooCommerceClient(ctx as StoreContext<"woocommerce">);
    case "bigcommerce":
      return bigCommerceClient(ctx as StoreContext<"bigcommerce">);
    case "amazon": {
      let gates = gatesByStore.get(ctx.connectionId);
      if (!gates) gatesByStore.set(ctx.connectionId, (gates = amazonGates()));
      return amazonClient(ctx as StoreContext<"amazon">, gates);
    }
  }
}
