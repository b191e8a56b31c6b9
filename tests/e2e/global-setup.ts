import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { createMaintainer } from "@/db/accounts";
import { createDb } from "@/db/client";
import { buildSeedCatalog, withoutModels } from "@/seed/build";
import { seed } from "@/seed/index";

/** Kimi K2.5 is left out: the import test adds it from its card, as a maintainer would. */
const E2E_CATALOG = withoutModels(buildSeedCatalog(), ["kimi-k2.5"]);

import { startServer } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    /** The e2e database on a real server ("" on PGlite). */
    databaseUrl: string;
    maintainer: { name: string; password: string };
  }
}

const MAINTAINER = { name: "e2e-maintainer", password: randomBytes(18).toString("base64url") };

const ROOT = process.cwd();

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce(
    (m, name) => Math.max(m, newestMtime(join(path, name))),
    st.mtimeMs,
  );
}

/** Rebuild only when the sources changed since the last build (CI builds just before testing). */
function ensureBuild() {
  const buildId = join(ROOT, ".next", "BUILD_ID");
  const inputs = [
    "app",
    "components",
    "db",
    "next.config.ts",
    "package-lock.json",
    "postcss.config.mjs",
  ];
  const stale =
    !existsSync(buildId) ||
    inputs.some(
      (p) => existsSync(join(ROOT, p)) && newestMtime(join(ROOT, p)) > statSync(buildId).mtimeMs,
    );
  if (stale)
    execFileSync(join(ROOT, "node_modules/.bin/next"), ["build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
}

export default async function setup(project: TestProject) {
  ensureBuild();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    // Absolute links in metadata (og:image) use the public origin, not the loopback address.
    PUBLIC_URL: "http://ledger.example.test",
  };
  let cleanupDb: () => Promise<void>;

  if (process.env.DATABASE_URL) {
    const name = `owl_e2e_${randomBytes(5).toString("hex")}`;
    const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    const handle = createDb({ url: url.toString(), pgliteDir: "" });
    await handle.migrate();
    await seed(handle.db, E2E_CATALOG);
    await createMaintainer(handle.db, MAINTAINER.name, MAINTAINER.password);
    await handle.close();
    env.DATABASE_URL = url.toString();
    cleanupDb = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    const dir = join(ROOT, "tests/.tmp", `e2e-pglite-${process.pid}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const handle = createDb({ pgliteDir: dir });
    await handle.migrate();
    await seed(handle.db, E2E_CATALOG);
    await createMaintainer(handle.db, MAINTAINER.name, MAINTAINER.password);
    // PGlite allows one process per data directory: close before the server opens it.
    await handle.close();
    env.DATABASE_URL = "";
    env.PGLITE_DIR = dir;
    cleanupDb = async () => rmSync(dir, { recursive: true, force: true });
  }

  const server = await startServer(env);
  project.provide("baseURL", server.baseURL);
  project.provide("maintainer", MAINTAINER);
  project.provide("databaseUrl", env.DATABASE_URL ?? "");

  return async () => {
    await server.stop();
    await cleanupDb();
  };
}
