/*
 * npm run bench — the production build on a seeded database (PGlite, and Postgres when
 * reachable), each route measured against a static file served by the same server (the floor),
 * in one run, as ratios. Writes BENCHMARKS.md. Run `npm run build` first.
 *
 * BENCH_SECONDS (per route, default 5), BENCH_CONCURRENCY (default 8),
 * DATABASE_URL (Postgres server for a throwaway database; default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { createDb, type DbHandle } from "@/db/client";
import { seed } from "@/seed/index";
import { startServer } from "../e2e/server";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ADMIN_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

const ROUTES = [
  ["static file (floor)", "/robots.txt"],
  ["/", "/"],
  ["/?filters", "/?arch=moe&sort=total_params.desc"],
  ["/models/[slug]", "/models/gpt-oss-120b"],
  ["/compare", "/compare?models=gpt-oss-120b,llama-4-scout,qwen3-30b-a3b"],
  ["/sources/[slug]", "/sources/github-meta-llama-llama4-model-card"],
  ["/api/models", "/api/models"],
] as const;

type Result = {
  route: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  errors: number;
};

const pct = (s: number[], p: number) =>
  s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;

async function measure(baseURL: string, path: string): Promise<Omit<Result, "route">> {
  // Warm up: the first requests compile nothing in production but fill caches.
  for (let i = 0; i < 20; i++) await (await fetch(`${baseURL}${path}`)).arrayBuffer();
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        const res = await fetch(`${baseURL}${path}`);
        await res.arrayBuffer();
        if (res.status !== 200) errors++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / elapsed,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    errors,
  };
}

async function engine(
  label: string,
  prepare: () => Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }>,
) {
  const { env, cleanup } = await prepare();
  const app = await startServer({
    ...process.env,
    ...env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  const results: Result[] = [];
  try {
    for (const [route, path] of ROUTES)
      results.push({ route, ...(await measure(app.baseURL, path)) });
  } finally {
    await app.stop();
    await cleanup();
  }
  const floor = results[0] as Result;
  const lines = [
    `### ${label}`,
    "",
    "| route | requests | req/s | p50 ms | p95 ms | p50 ÷ floor | errors |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...results.map(
      (r) =>
        `| ${r.route} | ${r.requests} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${(r.p50 / floor.p50).toFixed(1)}× | ${r.errors} |`,
    ),
    "",
  ];
  console.log(lines.join("\n"));
  return lines;
}

async function seeded(handle: DbHandle) {
  await handle.migrate();
  await seed(handle.db);
  await handle.close();
}

const out: string[] = [
  "# Benchmarks",
  "",
  `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC by \`npm run bench\` on ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`,
  `Each route: ${CONCURRENCY} concurrent clients on loopback for ${SECONDS} s after a warm-up, against \`next start\` on the seeded catalog (${"25 models, 308 claims"}). The floor is a static file (\`/robots.txt\`) served by the same server, proxy included. Timings on a shared 2-core machine are noisy: read the ratios.`,
  "",
];

out.push(
  ...(await engine("PGlite (embedded)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "owl-bench-"));
    await seeded(createDb({ pgliteDir: dir }));
    return {
      env: { DATABASE_URL: "", PGLITE_DIR: dir },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  })),
);

try {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {}, connect_timeout: 3 });
  await admin`select 1`;
  const name = `owl_bench_${randomBytes(4).toString("hex")}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  out.push(
    ...(await engine("PostgreSQL 15 (local server)", async () => {
      await seeded(createDb({ url: url.toString(), pgliteDir: "" }));
      return {
        env: { DATABASE_URL: url.toString() },
        cleanup: async () => {
          await admin.unsafe(`drop database if exists ${name} with (force)`);
          await admin.end();
        },
      };
    })),
  );
} catch (err) {
  out.push(`PostgreSQL: not measured (${(err as Error).message}).`, "");
}

writeFileSync("BENCHMARKS.md", `${out.join("\n")}\n`);
console.log("wrote BENCHMARKS.md");
