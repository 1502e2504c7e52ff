import { defineConfig } from "@playwright/test";
import { chromiumPath } from "./scripts/lib/chromium-path";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// E2E_BASE_URL runs the specs against an app you started yourself (e.g. `npm run dev`).
const external = process.env.E2E_BASE_URL;
const demo = process.env.E2E_DEMO === "1";

/**
 * E2E runs against a production build served by scripts/e2e-server.ts, which prepares its
 * own database (never the dev one), the local Inngest executor and an SMTP sink.
 * Playwright's own browser download needs the internet, so the browser is CHROMIUM_PATH,
 * Debian's Chromium, or the one inside the @sparticuz/chromium package (scripts/lib/chromium-path.ts).
 * E2E_DEMO=1 runs only e2e/demo.spec.ts, against a server seeded with the living demo
 * (scripts/test.ts runs it as a second pass); otherwise that spec is left out.
 */
export default defineConfig({
  testDir: "e2e",
  ...(demo ? { testMatch: "demo.spec.ts" } : { testIgnore: "demo.spec.ts" }),
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: external ?? `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: external
    ? undefined
    : {
        command: `npx tsx --conditions=react-server scripts/e2e-server.ts`,
        url: `http://localhost:${PORT}/api/health`,
        // The living demo is seeded before the build starts (about a minute on a quiet machine, more on a busy one).
        timeout: demo ? 1_500_000 : 600_000,
        reuseExistingServer: false,
        stdout: "pipe",
        stderr: "pipe",
        env: { E2E_PORT: String(PORT), E2E_DEMO: demo ? "1" : "0" },
      },
});
