/**
 * `npm test`: unit, then integration (real PostgreSQL), then end-to-end (real browser).
 * Stops at the first failing tier and exits non-zero.
 */
import { spawnSync } from "node:child_process";

const tiers: Array<[string, string[], Record<string, string>?]> = [
  ["unit", ["vitest", "run", "--project", "unit"]],
  ["integration", ["vitest", "run", "--project", "integration"]],
  ["e2e", ["playwright", "test"]],
  // The living demo's spec, against a server seeded as a first `npm run dev` is; reuses the build.
  ["e2e", ["playwright", "test"], { E2E_DEMO: "1", E2E_SKIP_BUILD: "1" }],
];

const only = process.argv[2];
for (const [name, args, env] of tiers) {
  if (only && only !== name) continue;
  console.log(`\n=== ${name} tests${env?.E2E_DEMO ? " (living demo)" : ""} ===`);
  const result = spawnSync("npx", args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n${name} tests failed`);
    process.exit(result.status ?? 1);
  }
}
console.log("\nAll test tiers passed.");
