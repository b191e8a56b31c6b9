/*
 * npm run bench — the production build on the seeded catalog (PGlite, and Postgres when
 * reachable), in one run, as ratios:
 *   - each route's server latency and throughput under wrk against a static file from the same
 *     server (the floor); pages both from the page cache and rendered per request, the latter
 *     also against /about rendered (the framework's floor for a dynamic page: same layout, CSP
 *     and proxy, no data);
 *   - gzipped JavaScript per route against /about;
 *   - Lighthouse (Debian's Chromium) on `/` and on `/about` (the floor), mobile and desktop,
 *     median of five runs.
 * Writes its section of BENCHMARKS.md. Run `npm run build` first; `npm run bench:scale` measures
 * growth with catalog size.
 *
 * BENCH_SECONDS (per route, default 5), BENCH_CONNECTIONS (default 8), LIGHTHOUSE_RUNS (default 5),
 * DATABASE_URL (server for a throwaway database; default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import postgres from "postgres";
import { createDb, type DbHandle } from "@/db/client";
import { seed } from "@/seed/index";
import { startServer } from "../e2e/server";
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  gzippedScriptBytes,
  launchChromium,
} from "../helpers/chromium";
import {
  ensureWrk,
  type Measured,
  machine,
  measure,
  RENDER_EVERY_TIME,
  writeSection,
} from "./measure";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const LIGHTHOUSE_RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
const ADMIN_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

/** [label, path, served from the page cache?] — pages are measured cached and rendered. */
const ROUTES = [
  ["static file (floor)", "/robots.txt", false],
  ["/about", "/about", true],
  ["/", "/", true],
  ["/?filters", "/?arch=moe&sort=total_params.desc", true],
  ["/models/[slug]", "/models/gpt-oss-120b", true],
  ["/compare", "/compare?models=gpt-oss-120b,llama-4-scout,qwen3-30b-a3b", true],
  ["/sources/[slug]", "/sources/github-meta-llama-llama4-model-card", true],
  ["/api/models", "/api/models", true],
] as const;

const JS_ROUTES = [
  "/",
  "/models/gpt-oss-120b",
  "/compare?models=gpt-oss-120b,gpt-oss-20b",
  "/charts",
];

type Prepared = { env: Record<string, string>; cleanup: () => Promise<void> };

async function seeded(handle: DbHandle) {
  await handle.migrate();
  await seed(handle.db);
  await handle.close();
}

async function withServer<T>(prepared: Prepared, run: (baseURL: string) => Promise<T>): Promise<T> {
  const app = await startServer({
    ...process.env,
    ...prepared.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  try {
    return await run(app.baseURL);
  } finally {
    await app.stop();
    await prepared.cleanup();
  }
}

type RouteResult = { route: string; cached: Measured | null; rendered: Measured };

function routeTable(label: string, results: RouteResult[]): string[] {
  const floor = results[0]?.rendered.p50 ?? Number.NaN;
  const about = results.find((r) => r.route === "/about")?.rendered.p50 ?? Number.NaN;
  const x = (ms: number, base: number) => `${(ms / base).toFixed(1)}×`;
  return [
    `### ${label}`,
    "",
    "| route | cached p50 ms | cached p95 ms | cached req/s | cached ÷ static file | rendered p50 ms | rendered p95 ms | rendered ÷ static file | rendered ÷ /about rendered | errors |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...results.map(({ route, cached: c, rendered: r }) => {
      const cachedCells = c
        ? `${c.p50.toFixed(1)} | ${c.p95.toFixed(1)} | ${c.rps.toFixed(0)} | ${x(c.p50, floor)}`
        : "— | — | — | —";
      const errors = r.errors + (c?.errors ?? 0);
      return `| ${route} | ${cachedCells} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${x(r.p50, floor)} | ${x(r.p50, about)} | ${errors} |`;
    }),
    "",
  ];
}

async function measureRoutes(baseURL: string): Promise<RouteResult[]> {
  const results: RouteResult[] = [];
  const opts = { seconds: SECONDS, connections: CONNECTIONS };
  for (const [route, path, cacheable] of ROUTES) {
    const cached = cacheable ? await measure(baseURL, path, opts) : null;
    const rendered = await measure(baseURL, path, { ...opts, headers: RENDER_EVERY_TIME });
    console.log(
      `  ${route}: p50 ${cached ? `cached ${cached.p50.toFixed(1)} ms, ` : ""}rendered ${rendered.p50.toFixed(1)} ms`,
    );
    results.push({ route, cached, rendered });
  }
  return results;
}

async function javascript(baseURL: string): Promise<string[]> {
  const browser = await launchChromium();
  try {
    const KB = 1024;
    const floor = await gzippedScriptBytes(browser, `${baseURL}/about`);
    const rows = [`| \`/about\` (floor) | ${(floor / KB).toFixed(1)} KB | — |`];
    for (const path of JS_ROUTES) {
      const bytes = await gzippedScriptBytes(browser, `${baseURL}${path}`);
      rows.push(
        `| \`${path}\` | ${(bytes / KB).toFixed(1)} KB | +${((bytes - floor) / KB).toFixed(1)} KB |`,
      );
    }
    return [
      "### JavaScript per route (gzipped, level 9)",
      "",
      "| route | total | over the framework floor |",
      "|---|---:|---:|",
      ...rows,
      "",
      "Budgets (`tests/e2e/budget.e2e.test.ts`, part of `npm test`): floor + 60 KB for the catalog, model and compare pages, floor + 160 KB for `/charts`.",
      "",
    ];
  } finally {
    await browser.close();
  }
}

type Scores = {
  performance: number;
  accessibility: number;
  lcp: number;
  tbt: number;
  cls: number;
  benchmarkIndex: number;
};

async function lighthouseRuns(url: string, desktop: boolean): Promise<Scores[]> {
  const out: Scores[] = [];
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
    const chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM_PATH,
      chromeFlags: CHROMIUM_ARGS,
    });
    try {
      const result = await lighthouse(
        url,
        { port: chrome.port, logLevel: "error", onlyCategories: ["performance", "accessibility"] },
        desktop ? desktopConfig : undefined,
      );
      const lhr = result?.lhr;
      if (!lhr) throw new Error("lighthouse returned no result");
      const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
      out.push({
        performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
        lcp: audit("largest-contentful-paint"),
        tbt: audit("total-blocking-time"),
        cls: audit("cumulative-layout-shift"),
        benchmarkIndex: lhr.environment.benchmarkIndex,
      });
    } finally {
      chrome.kill();
    }
  }
  return out;
}

async function lighthouseSection(baseURL: string): Promise<string[]> {
  const median = (xs: number[]) =>
    [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  const rows: string[] = [];
  const hosts: number[] = [];
  for (const [label, desktop] of [
    ["mobile (Lighthouse default: Moto G Power, simulated slow 4G, 4× CPU slowdown)", false],
    ["desktop", true],
  ] as const) {
    // `/about` is the framework's floor: the same shell and scripts with no data.
    for (const path of ["/", "/about"]) {
      const runs = await lighthouseRuns(`${baseURL}${path}`, desktop);
      hosts.push(...runs.map((r) => r.benchmarkIndex));
      console.log(
        `  lighthouse ${path} ${desktop ? "desktop" : "mobile"}: ${JSON.stringify(runs)}`,
      );
      rows.push(
        `| \`${path}\` | ${label} | ${median(runs.map((r) => r.performance))} (${runs.map((r) => r.performance).join(", ")}) | ${median(runs.map((r) => r.accessibility))} | ${median(runs.map((r) => r.lcp)).toFixed(0)} ms | ${median(runs.map((r) => r.tbt)).toFixed(0)} ms | ${median(runs.map((r) => r.cls)).toFixed(3)} |`,
      );
    }
  }
  return [
    `### Lighthouse (median of ${LIGHTHOUSE_RUNS}, Debian Chromium, Postgres)`,
    "",
    "| page | form factor | performance (runs) | accessibility | LCP | TBT | CLS |",
    "|---|---|---:|---:|---:|---:|---:|",
    ...rows,
    "",
    `Lighthouse's own CPU benchmark of this host (benchmarkIndex, median): ${median(hosts).toFixed(0)}. The simulated 4× slowdown is applied on top of it.`,
    "",
  ];
}

ensureWrk();
const out: string[] = [
  "## Seeded catalog: routes, JavaScript, Lighthouse",
  "",
  `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC by \`npm run bench\` on ${await machine()}.`,
  `Each route: wrk, 1 thread, ${CONNECTIONS} connections, ${SECONDS} s after a warm-up, against \`next start\` on the seeded catalog (25 models, 308 claims). The floor is a static file from the same server, proxy included (\`/robots.txt\`). Each page twice: *cached*, as readers get it between changes (the proxy's page cache, keyed by the data version), and *rendered* per request with the cache skipped, as the first reader after a change gets it; \`/about\` rendered is the cost of rendering any page before it reads data. Node serves on one thread, so under ${CONNECTIONS} connections p50 ≈ ${CONNECTIONS} × the CPU a request costs. Timings on a shared 2-core machine are noisy: read the ratios.`,
  "",
];

out.push(
  ...routeTable(
    "PGlite (embedded)",
    await withServer(
      await (async () => {
        const dir = mkdtempSync(join(tmpdir(), "owl-bench-"));
        await seeded(createDb({ pgliteDir: dir }));
        return {
          env: { DATABASE_URL: "", PGLITE_DIR: dir },
          cleanup: async () => rmSync(dir, { recursive: true, force: true }),
        };
      })(),
      measureRoutes,
    ),
  ),
);

try {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {}, connect_timeout: 3 });
  await admin`select 1`;
  const name = `owl_bench_${randomBytes(4).toString("hex")}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  await seeded(createDb({ url: url.toString(), pgliteDir: "" }));
  const sections = await withServer(
    {
      env: { DATABASE_URL: url.toString() },
      cleanup: async () => {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    },
    async (baseURL) => [
      ...routeTable("PostgreSQL 15 (local server)", await measureRoutes(baseURL)),
      ...(await javascript(baseURL)),
      ...(await lighthouseSection(baseURL)),
    ],
  );
  out.push(...sections);
} catch (err) {
  out.push(`PostgreSQL: not measured (${(err as Error).message}).`, "");
}

writeSection("BENCHMARKS.md", "bench", out.join("\n"));
console.log(out.join("\n"));
console.log("wrote the bench section of BENCHMARKS.md");
