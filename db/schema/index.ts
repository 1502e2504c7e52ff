export * from "./auth";
export * from "./customers";
export * from "./catalog";
export * from "./subscriptions";
export * from "./orders";
export * from "./notifications";
export * from "./audit";
