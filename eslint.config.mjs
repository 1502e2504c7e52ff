import fs from "node:fs";
import path from "node:path";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The boundary rules below are written down in docs/conventions.md ("Boundaries"); change both together.
const root = import.meta.dirname;
const abs = (p) => path.join(root, p);

/** Tests and what only tests use: they may import app routes, tools/inngest-local and test/support. */
const TEST_FILES = ["**/*.test.ts", "**/*.test.tsx", "**/__tests__/**", "test/**", "e2e/**", "bench/**"];

/** What ships (scripts/ is dev tooling and may use test/'s database helpers). */
const PRODUCTION = ["./app", "./components", "./server", "./db", "./inngest", "./tools", "./proxy.ts"];

/**
 * Domain folders. A domain's public surface is its top-level files and its `model/` index (the
 * pure core); every subfolder (model/ files, runtime/, store/, adapters/, __tests__/ …) is internal
 * to it. Entry points (app/, inngest/functions/) may call into subfolders; other domains may not.
 * server/seed/ is dev tooling that composes every domain, so it is exempt.
 */
const DOMAINS = fs
  .readdirSync(abs("server"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== "seed")
  .map((entry) => entry.name);

const domainInternals = DOMAINS.map((domain) => ({
  target: `./server/!(${domain}|seed)/**`,
  from: `./server/${domain}/*/**`,
  except: [abs(`server/${domain}/model/index.{ts,tsx}`)],
  message: `server/${domain}/'s subfolders are internal to it: import its top-level files or its model/ index (docs/conventions.md).`,
}));

const boundaryZones = [
  {
    target: "./db",
    from: ["./server", "./app", "./components", "./inngest", "./tools", "./scripts"],
    message: "db/ never imports up: put a shared pgEnum vocabulary in db/vocabulary/ (docs/conventions.md).",
  },
  {
    target: "./server",
    from: ["./app", "./components", "./tools", "./scripts"],
    message: "server/ never imports routes, UI or dev tooling (docs/conventions.md).",
  },
  {
    target: "./server",
    from: "./inngest",
    except: ["./client.ts", "./events.ts"],
    message: "server/ may use only the Inngest client and typed events; functions call server/, not the reverse.",
  },
  {
    target: ["./app", "./components", "./inngest", "./proxy.ts"],
    from: ["./tools", "./scripts"],
    message: "The app never imports dev tooling (tools/, scripts/).",
  },
  {
    target: PRODUCTION,
    from: ["./test", "./e2e", "./bench"],
    message: "Test support is for tests only (test/support/, docs/conventions.md).",
  },
  {
    target: PRODUCTION,
    from: "./**/__tests__/**",
    message: "A __tests__/ folder is for tests only; shared test helpers belong in test/support/.",
  },
  ...domainInternals,
];

/**
 * What the browser may run from server/: pure modules (no `server-only`, no db): the schedule
 * engine, each domain's model/, zod `*.schema.ts` contracts and a few named pure helpers.
 * Everything else in server/ is reachable from components/ only with `import type`.
 */
const CLIENT_SAFE_SERVER = [
  "schedule(/.*)?",
  "[^/]+/model(/.*)?",
  ".*\\.schema",
  "auth/safe-callback-url",
  "intake/format-json-text",
  "subscriptions/subscription-status",
];
const serverExceptClientSafe = `^@/server/(?!(${CLIENT_SAFE_SERVER.join("|")})$)`;

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      "node_modules/**",
      ".next*/**",
      ".data/**",
      "db/migrations/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "test/lint-fixtures/**",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      // Type-only imports are erased and cannot form a runtime cycle, so the rule skips them.
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    files: ["**/*.{ts,tsx,mts,js,mjs}"],
    ignores: TEST_FILES,
    rules: { "import/no-restricted-paths": ["error", { basePath: root, zones: boundaryZones }] },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    ignores: TEST_FILES,
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: serverExceptClientSafe,
              allowTypeImports: true,
              message: "components/ imports server/ only with `import type` (or a pure client-safe module, eslint.config.mjs CLIENT_SAFE_SERVER).",
            },
          ],
        },
      ],
    },
  },
];

export default config;
