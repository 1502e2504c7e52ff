import type { OrderFacts } from "./order-fields";

/**
 * A plausible small domestic order. The designer pre-fills its Simulate form with it and
 * tests override only the facts they care about.
 */
export function sampleOrderFacts(overrides: Partial<OrderFacts> = {}): OrderFacts {
  return {
    total: 4_990,
    currency: "EUR",
    customerTier: "standard",
    productCategory: ["coffee"],
    country: "DE",
    addressValid: true,
    inventoryLevel: 25,
    channel: "web",
    lineCount: 1,
    isInternational: false,
    ...overrides,
  };
}
