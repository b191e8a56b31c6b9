import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { type PgDatabase, type PgQueryResultHKT, withReplicas } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { withReadRetry } from "./read-retry";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DbHandle = {
  db: Db;
  driver: "pglite" | "postgres";
  migrate: () => Promise<void>;
  close: () => Promise<void>;
};

/** A transaction handle, as `db.transaction` passes it. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The rows of `db.execute()`: postgres.js returns an array, PGlite an object holding `rows`. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return ((Array.isArray(result) ? result : (result as { rows?: T[] }).rows) ?? []) as T[];
}

/** A Postgres int[] literal: one parameter however many ids, the same on both drivers. */
export const intArray = (ids: number[]) => `{${ids.map((n) => Math.trunc(n)).join(",")}}`;

// Scripts and tests run from the repository root; the Next server never migrates.
const migrationsFolder = join(process.cwd(), "drizzle");

/**
 * One place that knows both drivers. `url` set → postgres.js; otherwise PGlite at `pgliteDir`
 * ("memory://" for a throwaway in-memory database, as the tests use).
 */
export function createDb(opts: {
  url?: string;
  replicaUrls?: string[];
  pgliteDir: string;
  max?: number;
}): DbHandle {
  if (opts.url) {
    // Fail fast rather than hang when a server is down.
    const connect = (url: string) =>
      postgres(url, { max: opts.max ?? 10, onnotice: () => {}, connect_timeout: 5 });
    const client = connect(opts.url);
    const primary = drizzlePostgres({ client: withReadRetry(client), schema }) as unknown as Db;
    const replicaClients = (opts.replicaUrls ?? []).map(connect);
    const replicas = replicaClients.map(
      (c) => drizzlePostgres({ client: withReadRetry(c), schema }) as unknown as Db,
    );
    // Selects go to a replica; inserts, updates, deletes, execute() and transactions to the primary.
    const db =
      replicas.length > 0
        ? (withReplicas(primary, replicas as [Db, ...Db[]]) as unknown as Db)
        : primary;
    return {
      db,
      driver: "postgres",
      migrate: () => migratePostgres(drizzlePostgres({ client, schema }), { migrationsFolder }),
      close: async () => {
        await Promise.all([client, ...replicaClients].map((c) => c.end({ timeout: 5 })));
      },
    };
  }
  if (!opts.pgliteDir.startsWith("memory://")) mkdirSync(opts.pgliteDir, { recursive: true });
  const client = new PGlite(opts.pgliteDir);
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    migrate: () => migratePglite(drizzlePglite({ client, schema }), { migrationsFolder }),
    close: () => client.close(),
  };
}
