/**
 * Order facts that guards may read. The runtime derives these from the order once per
 * decision, so guards stay pure (they also run in the browser designer) and the exact
 * inputs of a decision can be stored verbatim for audit.
 */
export const FIELD_TYPES = ["number", "string", "boolean"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const ORDER_FIELDS = [
  { name: "total", type: "number", many: false, description: "Order total in minor units (e.g. cents)" },
  { name: "currency", type: "string", many: false, description: "ISO 4217 currency code" },
  { name: "customerTier", type: "string", many: false, description: "Customer tier, e.g. standard or vip" },
  {
    name: "productCategory",
    type: "string",
    many: true,
    description: "Category of every order line; a comparison holds if any line matches",
  },
  { name: "country", type: "string", many: false, description: "Shipping country (ISO 3166-1 alpha-2)" },
  { name: "addressValid", type: "boolean", many: false, description: "Shipping address passed verification" },
  { name: "inventoryLevel", type: "number", many: false, description: "Lowest available stock across the lines" },
  { name: "channel", type: "string", many: false, description: "Sales channel the order came from" },
  { name: "lineCount", type: "number", many: false, description: "Number of order lines" },
  { name: "isInternational", type: "boolean", many: false, description: "Ships outside the merchant's country" },
] as const satisfies ReadonlyArray<{ name: string; type: FieldType; many: boolean; description: string }>;

export type OrderFieldSpec = (typeof ORDER_FIELDS)[number];
export type OrderField = OrderFieldSpec["name"];

type Scalar<T extends FieldType> = T extends "number" ? number : T extends "string" ? string : boolean;

/** One value per field; multi-line fields (`many`) carry one entry per order line. */
export type OrderFacts = {
  [F in OrderFieldSpec as F["name"]]: F["many"] extends true ? ReadonlyArray<Scalar<F["type"]>> : Scalar<F["type"]>;
};

const SPECS = new Map<string, OrderFieldSpec>(ORDER_FIELDS.map((f) => [f.name, f]));

export function orderFieldSpec(name: string): OrderFieldSpec | undefined {
  return SPECS.get(name);
}

export function isOrderField(name: string): name is OrderField {
  return SPECS.has(name);
}
