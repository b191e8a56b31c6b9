import { rmSync } from "node:fs";
import postgres from "postgres";
import { readDbEnv } from "./env";

// Drops everything this app owns so migrate + seed start from nothing.
const env = readDbEnv();
if (env.DATABASE_URL) {
  const sql = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await sql.unsafe(
    "drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;",
  );
  await sql.end();
  console.log("dropped schemas public and drizzle");
} else {
  rmSync(env.PGLITE_DIR, { recursive: true, force: true });
  console.log(`removed ${env.PGLITE_DIR}`);
}
