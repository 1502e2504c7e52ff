// Pure workflow model: no DB, no Inngest, no server-only — also bundled into the designer.
export * from "./action-types";
export * from "./auto-layout";
export * from "./choose-transition";
export * from "./condition.schema";
export * from "./conditions";
export * from "./default-workflow";
export * from "./definition.schema";
export * from "./diff-definitions";
export * from "./order-fields";
export * from "./problem";
export * from "./retry-policy";
export * from "./sample-order-facts";
export * from "./simulate";
export * from "./validate-definition";
export * from "./workflow-edges";
export * from "./semantic-diff";
