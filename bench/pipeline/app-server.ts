import { execSync, spawn } from "node:child_process";
import fs from "node:fs";
import { freePort } from "../../scripts/lib/free-port";

export { freePort };

/**
 * The app as production runs it: a `next build` in its own folder (skipped when
 * BENCH_SKIP_BUILD=1 and a build exists) and `next start` — the real route handlers,
 * /api/inngest's serve() included. Returns the server's pid for its memory figures.
 */
export async function startAppServer(opts: { port: number; env: Record<string, string>; distDir: string; log: (l: string) => void }) {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", NEXT_DIST_DIR: opts.distDir, ...opts.env };
  if (process.env.BENCH_SKIP_BUILD !== "1" || !fs.existsSync(`${opts.distDir}/BUILD_ID`)) {
    opts.log(`building the app (next build → ${opts.distDir}) …`);
    try {
      execSync("npx next build", { stdio: "pipe", env });
    } catch (e) {
      const out = e as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(`next build failed:\n${String(out.stdout ?? "").slice(-3000)}\n${String(out.stderr ?? "").slice(-3000)}`);
    }
  }
  // BENCH_APP_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=.data/prof", to profile the app server.
  const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(
    process.execPath,
    [...nodeArgs, "node_modules/next/dist/bin/next", "start", "--port", String(opts.port), "--hostname", "127.0.0.1"],
    {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const output: string[] = [];
  const keep = (b: Buffer) => {
    output.push(b.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const url = `http://127.0.0.1:${opts.port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited: ${output.join("")}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (i > 600) throw new Error("next start did not answer /api/health within 60 s");
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    output: () => output.join(""),
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
    },
  };
}

/** Peak resident memory (VmHWM) of a process and its descendants, in MB (Linux /proc). */
export function peakRssMb(pid: number): number {
  const read = (p: number): number => {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, "utf8");
      const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      const children = fs.readdirSync(`/proc/${p}/task`).flatMap((t) => {
        try {
          return fs.readFileSync(`/proc/${p}/task/${t}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
        } catch {
          return [];
        }
      });
      return hwm + children.reduce((sum, c) => sum + read(c), 0);
    } catch {
      return 0;
    }
  };
  return read(pid);
}
