/**
 * `npm run bench [-- <name> …]`: runs every `bench/<name>.bench.ts` (or the named ones) against
 * a database server of its own — an embedded PostgreSQL tuned for the run when DATABASE_URL is
 * unset, else fresh databases on DATABASE_URL's server (dropped afterwards). Prints each
 * benchmark's figures, whether its targets were met, and the process's peak memory.
 * Exit code 1 if a target was missed.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Benchmark, BenchResult } from "./lib/benchmark";
import { createBenchDatabase, startBenchServer } from "./lib/database-server";
import { processPeakRssMb } from "./lib/memory";

const here = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .sort()
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.bench\.ts$/, "")));
if (files.length === 0) {
  console.error(`no benchmark matches ${wanted.join(", ")}`);
  process.exit(2);
}

const server = await startBenchServer();
console.log(`bench server: ${server.label}`);
console.log(`machine: ${(await import("node:os")).cpus().length} cores, node ${process.version}\n`);

const results: [string, BenchResult][] = [];
try {
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { default: Benchmark };
    const bench = mod.default;
    console.log(`── ${bench.name}: ${bench.description}`);
    const result = await bench.run({
      createDatabase: (prefix) => createBenchDatabase(server.adminUrl, prefix),
      serverLabel: server.label,
      ownsServer: server.owned,
      log: (line) => console.log(`   ${line}`),
    });
    results.push([bench.name, result]);
  }
} finally {
  await server.stop();
}

console.log("\n══ summary");
let failed = false;
for (const [name, result] of results) {
  console.log(`${name}:`);
  for (const line of result.summary) console.log(`   ${line}`);
  for (const t of result.targets) {
    console.log(`   ${t.met ? "✓" : "✗"} ${t.name}`);
    failed ||= !t.met;
  }
}
console.log(`peak RSS of the bench process: ${processPeakRssMb().toFixed(0)} MB`);
process.exit(failed ? 1 : 0);
