import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../db/migrate";
import { createDatabase, dropDatabase, uniqueName } from "./databases";
import { testDbServer } from "./db-server";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
  }
}

/** Migrates one template database per run; every test file clones it (test/per-file-db.ts). */
export default async function setup(project: TestProject) {
  const server = await testDbServer();
  const templateDb = uniqueName("replen_tpl");
  const templateUrl = await createDatabase(server.adminUrl, templateDb);
  await migrateDatabase(templateUrl);
  project.provide("adminUrl", server.adminUrl);
  project.provide("templateDb", templateDb);
  return async () => {
    await dropDatabase(server.adminUrl, templateDb);
    await server.stop();
  };
}
