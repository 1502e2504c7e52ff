import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument, operationId } from "./openapi-document";
import { ROUTE_CONTRACTS, UNDESCRIBED_ROUTES } from "./route-contracts";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const root = path.resolve(__dirname, "../../..");

/** Every `route.ts` under `dir`, as `[urlPath, exportedMethods]` (`[id]` → `{id}`). */
function routeHandlers(dir: string): Array<{ file: string; path: string; methods: string[] }> {
  const found: Array<{ file: string; path: string; methods: string[] }> = [];
  const walk = (at: string) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = fs.readFileSync(full, "utf8");
        const methods = METHODS.filter((m) => new RegExp(`export\\s+(const|(async\\s+)?function)\\s+${m}\\b`).test(source));
        const dirPath = "/" + path.relative(path.dirname(dir), path.dirname(full)).split(path.sep).join("/");
        found.push({ file: path.relative(root, full), path: dirPath, methods });
      }
    }
  };
  walk(dir);
  return found;
}

/** The handlers with no contract, as "METHOD /path (file)". */
function missingContracts(apiDir: string): string[] {
  const declared = new Set(ROUTE_CONTRACTS.map((c) => `${c.method} ${c.path}`));
  return routeHandlers(apiDir)
    .filter((r) => !UNDESCRIBED_ROUTES.some((u) => r.path === u))
    .flatMap((r) => r.methods.map((m) => ({ key: `${m} ${r.path.replace(/\[([^\]]+)\]/g, "{$1}")}`, file: r.file })))
    .filter(({ key }) => !declared.has(key))
    .map(({ key, file }) => `${key} (${file})`);
}

describe("route contracts", () => {
  it("finds the route files (the walk itself works)", () => {
    const handlers = routeHandlers(path.join(root, "app/api"));
    expect(handlers.length).toBeGreaterThan(50);
    expect(handlers.find((h) => h.path === "/api/v1/subscriptions/[id]")?.methods).toEqual(["GET", "PATCH"]);
  });

  it("has a contract for every exported method of every app/api route", () => {
    expect(missingContracts(path.join(root, "app/api"))).toEqual([]);
  });

  it("reports a handler without a contract (fixture)", () => {
    expect(missingContracts(path.join(__dirname, "__fixtures__/api"))).toEqual([
      "DELETE /api/v1/subscriptions/{id} (server/http/openapi/__fixtures__/api/v1/subscriptions/[id]/route.ts)",
      "GET /api/v1/uncontracted (server/http/openapi/__fixtures__/api/v1/uncontracted/route.ts)",
    ]);
  });

  it("declares each method and path once", () => {
    const keys = ROUTE_CONTRACTS.map((c) => `${c.method} ${c.path}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it("puts every contract in the OpenAPI document as an operation", () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { operationId?: string }>> };
    const operations = new Set(Object.values(doc.paths).flatMap((p) => Object.values(p).map((op) => op.operationId)));
    expect(ROUTE_CONTRACTS.filter((c) => !operations.has(operationId(c))).map((c) => `${c.method} ${c.path}`)).toEqual([]);
  });
});
