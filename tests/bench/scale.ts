/*
 * npm run bench:scale — how the catalog's cost grows with its size. For each engine and each
 * size (100 → 1,000 → 10,000 synthetic models on top of the real seed, ~15 claims each), a
 * throwaway database is filled by tests/bench/synthetic.ts, `next start` serves it, and wrk
 * measures each route against a static file from the same server. On Postgres it also records
 * the query plans of the catalog's statements at the largest size. Writes its section of
 * BENCHMARKS.md. Run `npm run build` first.
 *
 * SCALE_SIZES (default 100,1000,10000), SCALE_ENGINES (default postgres,pglite),
 * BENCH_SECONDS (per route, default 5), BENCH_CONNECTIONS (default 8),
 * DATABASE_URL (server for the throwaway databases; default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { createDb, type DbHandle, rowsOf } from "@/db/client";
import { parseCatalogQuery } from "@/db/domain/catalog-query";
import { catalogStatements, PAGE_SIZE } from "@/db/queries/catalog";
import { seed } from "@/seed/index";
import { startServer } from "../e2e/server";
import {
  ensureWrk,
  type Measured,
  machine,
  measure,
  RENDER_EVERY_TIME,
  writeSection,
} from "./measure";
import { addSyntheticCatalog } from "./synthetic";

const SIZES = (process.env.SCALE_SIZES ?? "100,1000,10000").split(",").map(Number);
const ENGINES = (process.env.SCALE_ENGINES ?? "postgres,pglite").split(",");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const ADMIN_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

/** The catalog views a reader asks for, by what they make the database do. */
const CATALOG_VIEWS = {
  "/ (page 1, by name)": "/",
  "sorted by total params": "/?sort=total_params.desc",
  "filtered + sorted": "/?arch=moe&minContext=128K&sort=mmlu.desc",
  "search + sorted": "/?q=synthetic+01&sort=release_date.desc",
  "family filter": "/?family=synthetic-family-00003&sort=context_window.asc",
} as const;

type Route = [label: string, path: string, headers: Record<string, string>];

/**
 * Each page twice: as most readers get it (from the page cache) and rendered per request, as its
 * first reader after a change gets it and as every distinct query costs once.
 */
function routes(models: number): Route[] {
  const last = Math.ceil(models / PAGE_SIZE);
  const pages: [string, string][] = [
    ...Object.entries(CATALOG_VIEWS),
    [`last page (?page=${last})`, `/?page=${last}`],
    ["/models/[slug]", "/models/synthetic-00042"],
    ["/compare", "/compare?models=synthetic-00001,synthetic-00002,gpt-oss-120b"],
    ["/api/models (100 a page)", "/api/models?sort=total_params.desc"],
  ];
  return [
    ["static file (floor)", "/robots.txt", {}],
    ...pages.flatMap(([label, path]): Route[] => [
      [`${label}, cached`, path, {}],
      [`${label}, rendered`, path, RENDER_EVERY_TIME],
    ]),
  ];
}

type Prepared = { env: Record<string, string>; cleanup: () => Promise<void>; handle: DbHandle };

async function fill(handle: DbHandle, n: number) {
  const started = performance.now();
  await handle.migrate();
  await seed(handle.db);
  const made = await addSyntheticCatalog(handle.db, n);
  return { ...made, seconds: (performance.now() - started) / 1000 };
}

async function preparePostgres(admin: postgres.Sql, n: number): Promise<Prepared> {
  const name = `owl_scale_${n}_${randomBytes(3).toString("hex")}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const handle = createDb({ url: url.toString(), pgliteDir: "" });
  return {
    handle,
    env: { DATABASE_URL: url.toString() },
    cleanup: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
    },
  };
}

async function preparePglite(): Promise<Prepared> {
  const dir = mkdtempSync(join(tmpdir(), "owl-scale-"));
  const handle = createDb({ pgliteDir: dir });
  return {
    handle,
    env: { DATABASE_URL: "", PGLITE_DIR: dir },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** EXPLAIN ANALYZE of the statements behind each catalog view, summarised one line each. */
async function explain(handle: DbHandle): Promise<string[]> {
  const lines: string[] = [];
  for (const [label, path] of Object.entries(CATALOG_VIEWS)) {
    const { query } = parseCatalogQuery(Object.fromEntries(new URL(path, "http://x").searchParams));
    const st = catalogStatements(handle.db, query, PAGE_SIZE);
    for (const [part, q] of [
      ["counts", st.counts],
      ["page 1", st.page(1)],
    ] as const) {
      const rows = rowsOf<{ "QUERY PLAN": unknown }>(
        await handle.db.execute(sql`explain (analyze, format json) ${q}`),
      );
      const plan = rows[0]?.["QUERY PLAN"];
      const root = (typeof plan === "string" ? JSON.parse(plan) : plan) as {
        Plan: PlanNode;
        "Execution Time": number;
      }[];
      const top = root[0];
      if (!top) continue;
      lines.push(
        `| ${label} | ${part} | ${top["Execution Time"].toFixed(2)} | ${summarise(top.Plan)} |`,
      );
    }
  }
  return lines;
}

type PlanNode = {
  "Node Type": string;
  "Index Name"?: string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
};

/** "Limit → Sort → Bitmap Heap Scan on catalog_rows (catalog_rows_x_idx)", innermost first. */
function summarise(node: PlanNode): string {
  const parts: string[] = [];
  const walk = (n: PlanNode) => {
    const on = n["Relation Name"] ? ` on ${n["Relation Name"]}` : "";
    const idx = n["Index Name"] ? ` (${n["Index Name"]})` : "";
    parts.push(`${n["Node Type"]}${on}${idx}`);
    for (const c of n.Plans ?? []) walk(c);
  };
  walk(node);
  return parts.join(" → ");
}

ensureWrk();
const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {}, connect_timeout: 3 });
const measuredAt = `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC by \`npm run bench:scale\` (SCALE_SIZES=${SIZES.join(",")}) on ${await machine()}.`;
// The method; each engine writes its own section, so re-running one engine keeps the other's.
const out: string[] = [
  "## Scale: 100 → 1,000 → 10,000 models",
  "",
  `Each size is a fresh database: the real seed (25 models) plus N synthetic models in families of 20 (\`tests/bench/synthetic.ts\`: every value quoted from a source marked synthetic, ~15 claims a model, checked by the database like any claim). wrk, 1 thread, ${CONNECTIONS} connections, ${SECONDS} s per route after a warm-up, against \`next start\`. The floor is a static file from the same server, proxy included. Each page is measured twice: *cached*, as readers get it between changes (the proxy's page cache, keyed by the data version), and *rendered*, per request with the cache skipped, as the first reader after a change gets it. p50 in ms; ratios are what to read.`,
  "",
];

writeSection("BENCHMARKS.md", "scale", out.join("\n"));
for (const engine of ENGINES) {
  const failures: string[] = [];
  const out: string[] = [];
  const results = new Map<number, Map<string, Measured>>();
  const fills: string[] = [];
  let plans: string[] = [];
  for (const n of SIZES) {
    const prepared =
      engine === "postgres" ? await preparePostgres(admin, n) : await preparePglite();
    try {
      const made = await fill(prepared.handle, n);
      fills.push(
        `${n.toLocaleString("en")}: ${made.claims.toLocaleString("en")} synthetic claims, ${made.catalogRows.toLocaleString("en")} catalog rows, filled in ${made.seconds.toFixed(1)} s`,
      );
      console.log(`${engine} ${n}: ${fills.at(-1)}`);
      if (engine === "postgres" && n === Math.max(...SIZES)) {
        plans = await explain(prepared.handle);
        console.log(plans.join("\n"));
      }
      // PGlite allows one process per data directory: close before the server opens it.
      await prepared.handle.close();
      const app = await startServer({
        ...process.env,
        ...prepared.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
      });
      const byRoute = new Map<string, Measured>();
      try {
        for (const [label, path, headers] of routes(n + 25)) {
          try {
            const m = await measure(app.baseURL, path, {
              seconds: SECONDS,
              connections: CONNECTIONS,
              headers,
            });
            byRoute.set(label, m);
            console.log(
              `  ${label}: p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms, ${m.rps.toFixed(0)} req/s, ${m.errors} errors`,
            );
          } catch (err) {
            // Recorded (the table shows a dash), with the server's last words in the log.
            const why = (err as Error).message;
            failures.push(`${engine} @ ${n.toLocaleString("en")}: ${label} failed (${why})`);
            console.log(`  ${label}: FAILED ${why}\n${app.log().slice(-4000)}`);
            break;
          }
        }
      } finally {
        await app.stop();
      }
      results.set(n, byRoute);
    } finally {
      await prepared.cleanup();
    }
  }
  const largest = Math.max(...SIZES);
  const labels = routes(largest + 25).map(([l]) => l.replace(/\?page=\d+/, "?page=last"));
  const get = (n: number, label: string) =>
    [...(results.get(n)?.entries() ?? [])].find(
      ([l]) => l.replace(/\?page=\d+/, "?page=last") === label,
    )?.[1];
  const floorAt = (n: number) => get(n, "static file (floor)")?.p50 ?? Number.NaN;
  out.push(
    `### ${engine === "postgres" ? "PostgreSQL 15 (local server)" : "PGlite (embedded)"}`,
    "",
    measuredAt,
    "",
    `| route | ${SIZES.map((n) => `p50 @ ${n.toLocaleString("en")}`).join(" | ")} | ${SIZES.map((n) => `÷ floor @ ${n.toLocaleString("en")}`).join(" | ")} | p95 @ ${largest.toLocaleString("en")} | req/s @ ${largest.toLocaleString("en")} | errors |`,
    `|---|${SIZES.map(() => "---:").join("|")}|${SIZES.map(() => "---:").join("|")}|---:|---:|---:|`,
    ...labels.map((label) => {
      const at = SIZES.map((n) => get(n, label));
      const big = get(largest, label);
      const errors = at.reduce((s, m) => s + (m?.errors ?? 0), 0);
      return `| ${label} | ${at.map((m) => m?.p50.toFixed(1) ?? "—").join(" | ")} | ${SIZES.map((n, i) => `${((at[i]?.p50 ?? Number.NaN) / floorAt(n)).toFixed(1)}×`).join(" | ")} | ${big?.p95.toFixed(1) ?? "—"} | ${big?.rps.toFixed(0) ?? "—"} | ${errors} |`;
    }),
    "",
    `Data: ${fills.join("; ")}.`,
    "",
  );
  if (plans.length)
    out.push(
      `Query plans at ${largest.toLocaleString("en")} models (EXPLAIN ANALYZE of the statements the catalog page runs, \`catalogStatements\`):`,
      "",
      "| view | statement | ms | plan, outermost first |",
      "|---|---|---:|---|",
      ...plans,
      "",
    );
  // Written after each engine, so a later failure loses nothing measured.
  writeSection(
    "BENCHMARKS.md",
    `scale-${engine}`,
    [
      ...out,
      ...(failures.length ? ["Failures:", "", ...failures.map((f) => `- ${f}`), ""] : []),
    ].join("\n"),
  );
  console.log(out.join("\n"));
}
await admin.end();
console.log("wrote the scale sections of BENCHMARKS.md");
