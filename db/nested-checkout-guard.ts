import { AsyncLocalStorage } from "node:async_hooks";
import type postgres from "postgres";

/**
 * Code running inside a transaction must use that transaction. A query on the pool instead
 * needs a second connection while the first is held: with as many concurrent transactions as
 * the pool has connections, every one waits for a connection nobody returns — the renewal-day
 * deadlock. This wrapper makes that mistake throw at once (tests, dev), instead of hanging
 * only under load. Off in production (NODE_ENV=production) unless asked for.
 */
export class NestedCheckoutError extends Error {
  constructor(what: string) {
    super(`${what} on the pool inside a transaction: use the transaction handle (tx), or move the work after commit`);
    this.name = "NestedCheckoutError";
  }
}

const inTransaction = new AsyncLocalStorage<true>();

/** True while the current async context is inside a guarded pool's transaction callback. */
export const insideTransaction = () => inTransaction.getStore() === true;

function check(what: string) {
  if (inTransaction.getStore()) throw new NestedCheckoutError(what);
}

export function guardNestedCheckout(sql: postgres.Sql): postgres.Sql {
  return new Proxy(sql, {
    // sql`…` on the pool.
    apply(target, thisArg, args) {
      // sql(value) without a template builds a fragment (no query): allowed anywhere.
      if (Array.isArray(args[0]) && "raw" in (args[0] as object)) check("a query");
      return Reflect.apply(target, thisArg, args);
    },
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      const fn = value as (...a: unknown[]) => unknown;
      if (prop === "unsafe" || prop === "file" || prop === "reserve") {
        return (...a: unknown[]) => {
          check(prop === "reserve" ? "a reserved connection" : "a query");
          return fn.apply(target, a);
        };
      }
      if (prop === "begin") {
        return (...a: unknown[]) => {
          check("a nested transaction");
          const last = a.length - 1;
          const body = a[last] as (tx: unknown) => unknown;
          a[last] = (tx: unknown) => inTransaction.run(true, () => body(tx));
          return fn.apply(target, a);
        };
      }
      return value;
    },
  });
}
