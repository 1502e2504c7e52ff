/**
 * The contract between `bench/run.ts` and a benchmark module: `bench/<name>.bench.ts` default-
 * exports a Benchmark. The runner provides a database server; each benchmark creates (and
 * drops) its own databases on it, so benchmarks never touch app or test data.
 */
export interface BenchContext {
  /** Creates an empty, migrated database on the bench server; `drop` removes it. */
  createDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }>;
  /** Where the server came from, for the report ("embedded …" or "DATABASE_URL …"). */
  serverLabel: string;
  /** True when the runner owns the server and tuned it (embedded); false for DATABASE_URL. */
  ownsServer: boolean;
  log(line: string): void;
}

export interface BenchResult {
  /** Lines for the summary table, e.g. "100k: 41,000 orders/s (62 % of limit)". */
  summary: string[];
  /** Named figures other benchmarks of the same run may compare against (e.g. ordersPerSecond). */
  figures?: Record<string, number>;
  /** Targets the benchmark checks; a false one makes `npm run bench` exit non-zero. */
  targets: { name: string; met: boolean }[];
}

export interface Benchmark {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<BenchResult>;
}
