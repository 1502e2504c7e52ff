import { afterAll, beforeAll, inject } from "vitest";
import { createDatabase, dropDatabase, uniqueName } from "./databases";

/**
 * Each integration test file runs against its own freshly cloned, migrated database,
 * so files can run in parallel and never see each other's rows.
 */
const adminUrl = inject("adminUrl");
const name = uniqueName("replen_test");

beforeAll(async () => {
  process.env.DATABASE_URL = await createDatabase(adminUrl, name, inject("templateDb"));
});

afterAll(async () => {
  const cache = globalThis as unknown as { replenDb?: { sql: { end: () => Promise<void> } } };
  await cache.replenDb?.sql.end();
  cache.replenDb = undefined;
  await dropDatabase(adminUrl, name);
});
