import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// Proves each guardrail in eslint.config.mjs fires (docs/conventions.md "Boundaries"): the repo's
// own config lints in-memory files placed at the paths the rules are about, and a committed
// fixture pair with a real cycle (test/lint-fixtures/cycle, ignored by the normal lint run).
const root = path.resolve(__dirname, "..");
const eslint = new ESLint({ cwd: root, ignore: false });
// import/no-cycle reads every file it follows from disk, so it cannot lint an in-memory probe;
// the boundary probes run without it (the cycle rule is proved on the fixture files).
const probeLinter = new ESLint({ cwd: root, ignore: false, overrideConfig: { rules: { "import/no-cycle": "off" } } });
const LINT_TIMEOUT = 120_000; // resolving imports the first time walks the repo; this is no speed target

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await probeLinter.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe("import/no-cycle", () => {
  it(
    "fails on an import cycle",
    async () => {
      const results = await eslint.lintFiles([path.join(root, "test/lint-fixtures/cycle/first.ts")]);
      const errors = results.flatMap((r) => r.messages).filter((m) => m.severity === 2);
      expect(errors.map((m) => m.ruleId)).toContain("import/no-cycle");
    },
    LINT_TIMEOUT,
  );

  it(
    "passes files whose imports only go one way",
    async () => {
      const results = await eslint.lintFiles([path.join(root, "db/vocabulary/roles.ts"), path.join(root, "db/schema/auth.ts")]);
      expect(results.flatMap((r) => r.messages).filter((m) => m.ruleId === "import/no-cycle")).toEqual([]);
    },
    LINT_TIMEOUT,
  );
});

describe("boundaries (import/no-restricted-paths)", () => {
  const restricted = "import/no-restricted-paths";
  const cases: Array<{ what: string; file: string; from: string; fires: boolean }> = [
    { what: "db/ importing server/", file: "db/schema/lint-probe.ts", from: "@/server/auth/actor", fires: true },
    { what: "db/ importing its vocabulary", file: "db/schema/lint-probe.ts", from: "../vocabulary/roles", fires: false },
    { what: "server/ importing a route", file: "server/orders/lint-probe.ts", from: "@/app/api/health/route", fires: true },
    { what: "server/ importing a component", file: "server/orders/lint-probe.ts", from: "@/components/ui/button", fires: true },
    { what: "server/ importing the local executor", file: "server/orders/lint-probe.ts", from: "@/tools/inngest-local/executor", fires: true },
    {
      what: "server/ importing an Inngest function",
      file: "server/orders/lint-probe.ts",
      from: "@/inngest/functions/apply-order-event",
      fires: true,
    },
    { what: "server/ importing the Inngest client", file: "server/orders/lint-probe.ts", from: "@/inngest/client", fires: false },
    { what: "production code importing test support", file: "server/orders/lint-probe.ts", from: "@/test/support/generation/factories", fires: true },
    {
      what: "a test importing test support",
      file: "server/orders/lint-probe.int.test.ts",
      from: "@/test/support/generation/factories",
      fires: false,
    },
    {
      what: "production code importing a __tests__ helper",
      file: "server/orders/lint-probe.ts",
      from: "@/server/continuity/model/__tests__/fixtures",
      fires: true,
    },
    {
      what: "a domain reaching into another's subfolder",
      file: "server/payments/lint-probe.ts",
      from: "@/server/workflows/runtime/drive-orders",
      fires: true,
    },
    {
      what: "a domain reaching into another's model/ file",
      file: "server/payments/lint-probe.ts",
      from: "@/server/workflows/model/definition.schema",
      fires: true,
    },
    { what: "a domain using another's model/ index", file: "server/payments/lint-probe.ts", from: "@/server/workflows/model", fires: false },
    {
      what: "a domain using another's top-level file",
      file: "server/payments/lint-probe.ts",
      from: "@/server/notifications/create-notification",
      fires: false,
    },
    {
      what: "a domain using its own subfolder",
      file: "server/workflows/lint-probe.ts",
      from: "@/server/workflows/runtime/drive-orders",
      fires: false,
    },
    {
      what: "an entry point using a domain subfolder",
      file: "inngest/functions/lint-probe.ts",
      from: "@/server/workflows/runtime/drive-orders",
      fires: false,
    },
    { what: "the app importing dev tooling", file: "app/api/lint-probe/route.ts", from: "@/tools/inngest-local/executor", fires: true },
  ];
  for (const c of cases) {
    it(
      `${c.fires ? "rejects" : "allows"} ${c.what}`,
      async () => {
        const ids = await ruleIds(c.file, `import * as probe from "${c.from}";\nexport const used = probe;\n`);
        if (c.fires) expect(ids).toContain(restricted);
        else expect(ids).not.toContain(restricted);
      },
      LINT_TIMEOUT,
    );
  }
});

describe("components/ imports server/ only with import type", () => {
  const restricted = "@typescript-eslint/no-restricted-imports";
  it(
    "rejects a value import of a server module",
    async () => {
      const ids = await ruleIds("components/orders/lint-probe.ts", `import { hashToken } from "@/server/auth/actor";\nexport const f = hashToken;\n`);
      expect(ids).toContain(restricted);
    },
    LINT_TIMEOUT,
  );

  it(
    "allows a type import of the same module",
    async () => {
      const ids = await ruleIds("components/orders/lint-probe.ts", `import type { Actor } from "@/server/auth/actor";\nexport type A = Actor;\n`);
      expect(ids).not.toContain(restricted);
    },
    LINT_TIMEOUT,
  );

  it(
    "allows value imports of pure client-safe modules (schedule, model/, *.schema)",
    async () => {
      const code = [
        `import { FREQUENCY_LABELS } from "@/server/schedule/frequencies";`,
        `import { ACTION_TYPES } from "@/server/workflows/model";`,
        `import { MAX_QUANTITY } from "@/server/subscriptions/subscription.schema";`,
        `export const all = [FREQUENCY_LABELS, ACTION_TYPES, MAX_QUANTITY];`,
      ].join("\n");
      expect(await ruleIds("components/orders/lint-probe.ts", `${code}\n`)).not.toContain(restricted);
    },
    LINT_TIMEOUT,
  );
});
