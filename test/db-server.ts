import fs from "node:fs";
import net from "node:net";
import { startEmbeddedPostgres } from "../db/embedded";

const TEST_PG_DIR = ".data/pg-test";
const TEST_PG_PORT = 54330;

/**
 * The server tests create their databases on: DATABASE_URL's server when set (it must
 * allow CREATE DATABASE), otherwise an embedded PostgreSQL kept in .data/pg-test.
 * Returns an admin URL and a stop function (a no-op when the server is not ours).
 */
export async function testDbServer(): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { adminUrl: process.env.DATABASE_URL, stop: async () => {} };
  if ((await isListening(TEST_PG_PORT)) && fs.existsSync(`${TEST_PG_DIR}/postmaster.pid`)) {
    // Another test run already started it; share it and leave it running.
    return { adminUrl: `postgres://postgres:postgres@127.0.0.1:${TEST_PG_PORT}/postgres`, stop: async () => {} };
  }
  return startEmbeddedPostgres(TEST_PG_DIR, TEST_PG_PORT);
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
