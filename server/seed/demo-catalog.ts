/**
 * A small catalog of consumables people reorder on a schedule. Prices in cents. Stock is sized
 * for the demo's 90 days of history; cat litter is kept short on purpose so the demo shows
 * backorders. Each product has a picture in public/products/<sku>.svg.
 */
export const DEMO_CATALOG = [
  { sku: "COF-BEAN-1KG", name: "Single-origin coffee beans, 1 kg", category: "coffee", priceMinor: 2400, stock: 5000 },
  { sku: "COF-FILTER-100", name: "Paper coffee filters, 100", category: "coffee", priceMinor: 650, stock: 5000 },
  { sku: "VIT-D3-90", name: "Vitamin D3, 90 capsules", category: "health", priceMinor: 1299, stock: 5000 },
  { sku: "RAZ-BLADE-8", name: "Razor blade refills, 8", category: "personal-care", priceMinor: 1899, stock: 5000 },
  { sku: "DOG-FOOD-12KG", name: "Grain-free dog food, 12 kg", category: "pet", priceMinor: 6499, stock: 5000 },
  { sku: "DET-PODS-60", name: "Laundry detergent pods, 60", category: "household", priceMinor: 1749, stock: 5000 },
  { sku: "TB-HEADS-4", name: "Electric toothbrush heads, 4", category: "personal-care", priceMinor: 2199, stock: 5000 },
  { sku: "WTR-FILTER-3", name: "Water filter cartridges, 3", category: "household", priceMinor: 3299, stock: 5000 },
  { sku: "PRO-WHEY-2KG", name: "Whey protein, 2 kg", category: "health", priceMinor: 5499, stock: 5000 },
  { sku: "CAT-LITTER-10KG", name: "Clumping cat litter, 10 kg", category: "pet", priceMinor: 1999, stock: 5 },
  // Coffee-club items for continuity programs (server/continuity): six origins, two decafs,
  // and a phantom "item of the month" that substitutions resolve to a real coffee per date.
  { sku: "COF-ETH-250", name: "Ethiopia Yirgacheffe, 250 g", category: "coffee", priceMinor: 1400, stock: 2000 },
  { sku: "COF-COL-250", name: "Colombia Huila, 250 g", category: "coffee", priceMinor: 1300, stock: 2000 },
  { sku: "COF-KEN-250", name: "Kenya AA, 250 g", category: "coffee", priceMinor: 1500, stock: 2000 },
  { sku: "COF-GUA-250", name: "Guatemala Antigua, 250 g", category: "coffee", priceMinor: 1350, stock: 2000 },
  { sku: "COF-SUM-250", name: "Sumatra Mandheling, 250 g", category: "coffee", priceMinor: 1450, stock: 2000 },
  { sku: "COF-BRA-250", name: "Brazil Cerrado, 250 g", category: "coffee", priceMinor: 1200, stock: 2000 },
  { sku: "COF-DECAF-COL-250", name: "Decaf Colombia, 250 g", category: "coffee", priceMinor: 1350, stock: 2000 },
  { sku: "COF-HOLIDAY-250", name: "Holiday blend, 250 g", category: "coffee", priceMinor: 1600, stock: 2000 },
  { sku: "COF-WINTER-250", name: "Winter solstice blend, 250 g", category: "coffee", priceMinor: 1600, stock: 2000 },
  // The perpetual oil-change club (server/continuity): a kit with a filter every other time.
  { sku: "OIL-5W30-5L", name: "Synthetic motor oil 5W-30, 5 L", category: "auto", priceMinor: 3899, stock: 2000 },
  { sku: "OIL-KIT-5W30", name: "Oil change kit: 5 L 5W-30 + filter", category: "auto", priceMinor: 4999, stock: 2000 },
  { sku: "COF-OF-THE-MONTH", name: "Coffee of the month", category: "coffee", priceMinor: 0, stock: 0, kind: "phantom", sellable: false },
] as const;

export const DEMO_PASSWORD = "replen-demo";

export const DEMO_USERS = [
  { email: "customer@replen.dev", name: "Casey Customer", role: "customer" },
  { email: "merch@replen.dev", name: "Morgan Merchandiser", role: "merchandiser" },
  { email: "admin@replen.dev", name: "Alex Admin", role: "admin" },
] as const;
