/** The PostgreSQL error behind a (possibly drizzle-wrapped) failure, or null. */
export type PgError = { code: string; constraint_name?: string; message: string };

export function pgError(e: unknown): PgError | null {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    const candidate = cur as Partial<PgError> & { severity?: unknown };
    if (typeof candidate.code === "string" && candidate.severity !== undefined) return candidate as PgError;
    cur = (cur as { cause?: unknown }).cause;
  }
  return null;
}

export const isUniqueViolation = (e: unknown, constraint?: string) => {
  const pg = pgError(e);
  return pg?.code === "23505" && (!constraint || pg.constraint_name === constraint);
};

export const isCheckViolation = (e: unknown, constraint?: string) => {
  const pg = pgError(e);
  return pg?.code === "23514" && (!constraint || pg.constraint_name === constraint);
};
