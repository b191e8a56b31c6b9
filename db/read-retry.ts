/*
 * One retry for a read whose connection died under it (the server restarted, an administrator
 * ran pg_terminate_backend, a pooler recycled it): postgres.js reconnects on the next query, so a
 * second attempt usually succeeds and the reader never sees the fault. Only plain reads outside a
 * transaction are retried — a write may have committed before its connection died, and a
 * transaction's statements run on a reserved connection that this wrapper never sees.
 */
import type { Sql } from "postgres";

const CONNECTION_ERRORS = new Set([
  "57P01", // admin_shutdown (pg_terminate_backend)
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "08000",
  "08003",
  "08006",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
]);

export function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && CONNECTION_ERRORS.has(code);
}

const isRead = (query: string) =>
  /^\s*select\b/i.test(query) ||
  (/^\s*with\b/i.test(query) && !/\b(insert|update|delete|merge)\b/i.test(query));

type Unsafe = Sql["unsafe"];

/** The same client, whose `unsafe` (what drizzle runs every statement with) retries reads once. */
export function withReadRetry(client: Sql): Sql {
  const unsafe: Unsafe = ((query: string, params?: unknown[], options?: unknown) => {
    const first = (client.unsafe as (...a: unknown[]) => ReturnType<Unsafe>)(
      query,
      params,
      options,
    );
    if (!isRead(query)) return first;
    const again = () =>
      (client.unsafe as (...a: unknown[]) => ReturnType<Unsafe>)(query, params, options);
    // A pending query runs when awaited; both forms drizzle uses (rows, `.values()`) retry once.
    const retry = <T>(run: (q: ReturnType<Unsafe>) => PromiseLike<T>) =>
      Promise.resolve(run(first)).catch((err: unknown) => {
        if (!isConnectionError(err)) throw err;
        return run(again());
      });
    return {
      // biome-ignore lint/suspicious/noThenProperty: a thenable, as postgres.js's own query is
      then: (ok: (v: unknown) => unknown, fail?: (e: unknown) => unknown) =>
        retry((q) => q).then(ok, fail),
      values: () => retry((q) => q.values()),
    } as unknown as ReturnType<Unsafe>;
  }) as Unsafe;
  return new Proxy(client, {
    get(target, prop, receiver) {
      return prop === "unsafe" ? unsafe : Reflect.get(target, prop, receiver);
    },
  });
}
