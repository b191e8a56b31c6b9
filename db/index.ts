import { createDb, type DbHandle } from "./client";
import { readDbEnv } from "./env";

// Cached on globalThis: dev-mode HMR re-evaluates modules, and PGlite allows one
// process-wide owner per data directory.
const globalForDb = globalThis as unknown as { __owlDb?: DbHandle };

function open(): DbHandle {
  const env = readDbEnv();
  return createDb({
    url: env.DATABASE_URL,
    replicaUrls: env.DATABASE_REPLICA_URLS,
    pgliteDir: env.PGLITE_DIR,
  });
}

export const dbHandle: DbHandle = globalForDb.__owlDb ?? open();
globalForDb.__owlDb = dbHandle;

export const db = dbHandle.db;
export type { Db } from "./client";
