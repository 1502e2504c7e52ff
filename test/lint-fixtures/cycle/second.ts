// Fixture for test/lint-rules.test.ts: the other half of the first ⇄ second cycle.
import { first } from "./first";

export const second = { name: "second", back: () => first() };
