import { pgError } from "@/db/pg-error";

/**
 * What of an unexpected error may go to the log: its name, its message without the query's
 * parameters (drizzle puts them in the message — a failed user insert would log the password
 * hash), and the PostgreSQL code and constraint. Stacks stay: they name code, not data.
 */
export function loggableError(e: unknown): Record<string, unknown> {
  if (!(e instanceof Error)) return { thrown: typeof e };
  const message = e.message.split(/\nparams:/)[0]!.slice(0, 2_000);
  const pg = pgError(e);
  return {
    name: e.name,
    message,
    ...(pg ? { pg: { code: pg.code, constraint: pg.constraint_name, message: pg.message } } : {}),
    stack: e.stack
      ?.split("\n")
      .filter((l) => l.trimStart().startsWith("at "))
      .slice(0, 12)
      .join("\n"),
  };
}
