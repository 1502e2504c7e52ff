export * from "./save-offers";
