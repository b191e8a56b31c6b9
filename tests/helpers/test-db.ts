import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { createDb, type DbHandle } from "@/db/client";
import { readDbEnv } from "@/db/env";

export type TestDb = DbHandle & { label: string };

/**
 * A freshly migrated, empty database for one test file: in-memory PGlite by default, or — when
 * DATABASE_URL is set — a new database on that server, dropped again by close().
 */
export async function createTestDb(): Promise<TestDb> {
  const { DATABASE_URL } = readDbEnv();
  if (!DATABASE_URL) {
    const handle = createDb({ pgliteDir: "memory://" });
    await handle.migrate();
    return { ...handle, label: "pglite" };
  }
  const name = `owl_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  const handle = createDb({ url: url.toString(), pgliteDir: "", max: 4 });
  await handle.migrate();
  return {
    ...handle,
    label: "postgres",
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
