/**
 * `npm test`: unit, then integration (real PostgreSQL), then end-to-end (real browser).
 * Stops at the first failing tier and exits non-zero.
 */
import { spawnSync } from "node:child_process";

const tiers: Array<[string, string[]]> = [
  ["unit", ["vitest", "run", "--project", "unit"]],
  ["integration", ["vitest", "run", "--project", "integration"]],
  ["e2e", ["playwright", "test"]],
];

const only = process.argv[2];
for (const [name, args] of tiers) {
  if (only && only !== name) continue;
  console.log(`\n=== ${name} tests ===`);
  const result = spawnSync("npx", args, { stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`\n${name} tests failed`);
    process.exit(result.status ?? 1);
  }
}
console.log("\nAll test tiers passed.");
