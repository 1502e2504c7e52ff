import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/**
 * The Chromium that Playwright (and the screenshot script) launch, first match wins:
 * 1. `CHROMIUM_PATH`, when set;
 * 2. Debian's `/usr/bin/chromium`, when installed (unless `E2E_BUNDLED_CHROMIUM=1`);
 * 3. the Chromium inside the `@sparticuz/chromium` npm package (a devDependency): a binary
 *    shipped in the registry package, unpacked to the temp folder on first use — so
 *    `npm install && npm test` needs no browser download and no apt-get.
 * `E2E_BUNDLED_CHROMIUM=1` forces 3, so CI can prove the bare-machine path on a machine that has 2.
 * Synchronous (Playwright reads its config synchronously): the unpacking runs in a child node.
 */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (process.env.E2E_BUNDLED_CHROMIUM !== "1" && existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  const script = "import('@sparticuz/chromium').then((m) => m.default.executablePath()).then((p) => process.stdout.write(p))";
  const path = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }).trim();
  if (!path || !existsSync(path)) throw new Error("no Chromium: set CHROMIUM_PATH, install chromium, or reinstall @sparticuz/chromium");
  return path;
}
