import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// E2E_BASE_URL runs the specs against an app you started yourself (e.g. `npm run dev`).
const external = process.env.E2E_BASE_URL;

/**
 * E2E runs against a production build served by scripts/e2e-server.ts, which prepares its
 * own database (never the dev one), the local Inngest executor and an SMTP sink.
 * Debian's Chromium is used because Playwright's browser download needs the internet.
 */
export default defineConfig({
  testDir: "e2e",
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
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: external
    ? undefined
    : {
        command: `npx tsx --conditions=react-server scripts/e2e-server.ts`,
        url: `http://localhost:${PORT}/api/health`,
        timeout: 600_000,
        reuseExistingServer: false,
        stdout: "pipe",
        stderr: "pipe",
        env: { E2E_PORT: String(PORT) },
      },
});
