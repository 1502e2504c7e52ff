import { notFound } from "../errors/app-error";

/**
 * Path ids parsed before they reach SQL. A path names a resource: an id that cannot name one
 * (not a number, above int4, not a UUID) is a 404 like any other missing resource — not the
 * 500 PostgreSQL's refusal used to become (#17). Every route with an id in its path uses these.
 */
const INT4_MAX = 2_147_483_647;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A `serial` id: decimal digits only (no "1e3", " 7", "0x10"), 1 … 2^31-1. */
export function intIdParam(raw: string | undefined, what: string): number {
  if (raw === undefined || !/^[1-9]\d{0,9}$/.test(raw)) throw notFound(what);
  const id = Number(raw);
  if (id > INT4_MAX) throw notFound(what);
  return id;
}

/** A `uuid` id, as given (PostgreSQL compares uuids case-insensitively). */
export function uuidParam(raw: string | undefined, what: string): string {
  if (raw === undefined || !UUID.test(raw)) throw notFound(what);
  return raw;
}

/** A cycle index (subscriptions count cycles from 0): decimal digits only, 0 … 2^31-1. */
export function cycleIndexParam(raw: string | undefined, what = "Delivery"): number {
  if (raw === "0") return 0;
  return intIdParam(raw, what);
}
