// Fixture for test/lint-rules.test.ts: a deliberate runtime import cycle (first ⇄ second).
// Ignored by the repository's lint run; the test lints it with ignores off.
import { second } from "./second";

export const first = (): string => `first, then ${second.name}`;
