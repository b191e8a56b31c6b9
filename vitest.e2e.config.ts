import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** Browser tests: Chromium (playwright-core) against `next start` on a freshly seeded database. */
export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // The global setup seeds through the same write path as the server (db/queries/versions.ts).
      "server-only": fileURLToPath(new URL("./tests/helpers/server-only.ts", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    include: ["tests/e2e/**/*.e2e.test.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One server, one browser per file; files run one after another to keep timings sane on 2 cores.
    fileParallelism: false,
  },
});
