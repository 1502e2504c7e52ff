import type { LogLevel, Logger } from "./types";

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function isLevel(value: string | undefined): value is LogLevel {
  return value !== undefined && value in order;
}

/**
 * Console logger with a prefix so executor lines are easy to tell apart from
 * Next.js output when both share a terminal under `npm run dev`.
 */
export function createConsoleLogger(level: LogLevel | "silent" = envLevel()): Logger {
  const threshold = level === "silent" ? Infinity : order[level];
  const make = (lvl: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    if (order[lvl] < threshold) return;
    const line = `[inngest-local] ${lvl.toUpperCase()} ${message}`;
    const sink = lvl === "error" ? console.error : lvl === "warn" ? console.warn : console.log;
    if (fields && Object.keys(fields).length > 0) sink(line, fields);
    else sink(line);
  };
  return { debug: make("debug"), info: make("info"), warn: make("warn"), error: make("error") };
}

function envLevel(): LogLevel | "silent" {
  const raw = process.env.INNGEST_LOCAL_LOG_LEVEL;
  if (raw === "silent") return "silent";
  return isLevel(raw) ? raw : "info";
}
