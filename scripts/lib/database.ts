import { startEmbeddedPostgres } from "../../db/embedded";
import { ensureDatabase, migrateDatabase } from "../../db/migrate";

/**
 * DATABASE_URL when set; otherwise an embedded PostgreSQL in `dir` with database `name`.
 * Either way the database is migrated before anything uses it.
 */
export async function prepareDatabase(opts: { dir: string; port: number; name: string }) {
  let url = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const server = await startEmbeddedPostgres(opts.dir, opts.port);
    stop = server.stop;
    url = await ensureDatabase(server.adminUrl, opts.name);
    console.log(`[replen] embedded PostgreSQL on 127.0.0.1:${opts.port} (data in ${opts.dir})`);
  }
  await migrateDatabase(url);
  return { url, stop };
}
