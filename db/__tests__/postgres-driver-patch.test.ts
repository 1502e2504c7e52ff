import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * scripts/patch-dependencies.mjs (postinstall) guards postgres.js against writing to a closed
 * socket, which otherwise kills the process when PostgreSQL restarts. If an install skipped
 * scripts, or postgres was upgraded, this says so before production does.
 */
describe("postgres driver patch", () => {
  it("is applied to both builds of postgres.js", () => {
    // The package's exports hide package.json: find its folder from the entry point instead.
    const entry = createRequire(import.meta.url).resolve("postgres");
    const pkg = entry.slice(0, entry.lastIndexOf(`${path.sep}postgres${path.sep}`) + `${path.sep}postgres`.length);
    for (const build of ["src/connection.js", "cjs/src/connection.js"]) {
      const text = fs.readFileSync(path.join(pkg, build), "utf8");
      expect(text, build).toContain("/* replen-patch: nextWrite-null-socket */");
      expect(text.match(/chunk = nextWriteTimer = null/g)?.length, build).toBeGreaterThanOrEqual(4);
    }
  });
});
