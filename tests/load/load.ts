/*
 * npm run load — readers and a few maintainers at once against the production build on Postgres,
 * for a bounded time on loopback. Reports requests, errors (target 0) and latency percentiles;
 * then checks that every quote still matches its source and that the revision log accounts for
 * every accepted edit. Exits non-zero if any of that fails.
 *
 * Then a sign-in storm: readers alone for STORM_SECONDS (default 12), then the same readers beside
 * STORM_ATTACKERS (40) clients posting sign-ins for made-up names from made-up addresses (the
 * server trusts the loopback as its proxy here, as behind a real one, so no per-address limit
 * stops them and every attempt asks for a hash): reader p50/p95 idle vs during the storm.
 *
 * Options (environment): LOAD_SECONDS (default 20), LOAD_READERS (16), LOAD_EDITORS (3),
 * DATABASE_URL (a server to create a throwaway database on; default postgres://postgres@127.0.0.1:5432/postgres).
 * Run `npm run build` first.
 */
import { randomBytes } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import postgres from "postgres";
import { createMaintainer, type Maintainer } from "@/db/accounts";
import { createDb } from "@/db/client";
import { updateClaim } from "@/db/queries/edits";
import { claims, models, revisions, sources } from "@/db/schema";
import { findBrokenQuotes, seed } from "@/seed/index";
import { startServer } from "../e2e/server";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const READERS = Number(process.env.LOAD_READERS ?? 16);
const EDITORS = Number(process.env.LOAD_EDITORS ?? 3);
const ADMIN_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const STORM_SECONDS = Number(process.env.STORM_SECONDS ?? 12);
const STORM_ATTACKERS = Number(process.env.STORM_ATTACKERS ?? 40);

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function main() {
  const name = `owl_load_${randomBytes(4).toString("hex")}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const handle = createDb({ url: url.toString(), pgliteDir: "", max: 8 });
  const server = { stop: async () => {} } as Awaited<ReturnType<typeof startServer>>;
  let failed = false;
  try {
    await handle.migrate();
    await seed(handle.db);
    const editors: Maintainer[] = [];
    for (let i = 0; i < EDITORS; i++)
      editors.push(
        await createMaintainer(handle.db, `load-editor-${i}`, randomBytes(12).toString("hex")),
      );
    const app = await startServer({
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: url.toString(),
      // The storm below comes "through a proxy": each attempt from another address.
      TRUSTED_PROXIES: "127.0.0.1",
    });
    server.stop = app.stop;

    const modelSlugs = (await handle.db.select({ s: models.slug }).from(models)).map((r) => r.s);
    const sourceSlugs = (await handle.db.select({ s: sources.slug }).from(sources)).map((r) => r.s);
    const claimRows = await handle.db.select().from(claims);
    const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)] as T;
    const routes: [string, () => string][] = [
      ["/", () => "/"],
      ["/?filters", () => `/?arch=moe&sort=total_params.desc&minContext=32K`],
      ["/models/[slug]", () => `/models/${pick(modelSlugs)}`],
      ["/sources/[slug]", () => `/sources/${pick(sourceSlugs)}`],
      ["/claims/[id]", () => `/claims/${pick(claimRows).id}`],
      ["/api/models", () => "/api/models"],
      ["/compare", () => `/compare?models=${pick(modelSlugs)},${pick(modelSlugs)}`],
    ];
    const latencies = new Map<string, number[]>(routes.map(([r]) => [r, []]));
    const errors: string[] = [];
    let requests = 0;
    const deadline = Date.now() + SECONDS * 1000;

    const reader = async () => {
      while (Date.now() < deadline) {
        const [route, path] = pick(routes);
        const started = performance.now();
        try {
          const res = await fetch(`${app.baseURL}${path()}`);
          await res.arrayBuffer();
          if (res.status >= 500) errors.push(`${res.status} ${route}`);
        } catch (err) {
          errors.push(`${route}: ${(err as Error).message}`);
        }
        latencies.get(route)?.push(performance.now() - started);
        requests++;
      }
    };

    let edited = 0;
    let conflicts = 0;
    const editor = async (who: Maintainer) => {
      while (Date.now() < deadline) {
        const target = pick(claimRows.slice(0, 40));
        const [current] = await handle.db.select().from(claims).where(eq(claims.id, target.id));
        if (!current) continue;
        const r = await updateClaim(handle.db, who, {
          id: current.id,
          baseRevision: current.revision,
          field: current.field,
          label: current.label,
          settings: current.settings,
          variant: current.variant,
          condition: current.condition,
          valueText: current.valueText,
          valueNum: current.valueNum,
          unit: current.unit,
          valueDate: current.valueDate,
          qualifier: current.qualifier,
          provenance: current.provenance,
          note: `load test edit ${edited + conflicts} by ${who.name}`,
          sourceId: current.sourceId,
          quote: current.quote,
          near: current.quoteStart,
          reason: "load test",
        });
        if (r.ok) edited++;
        else if (r.conflict) conflicts++;
        else errors.push(`edit refused: ${r.error}`);
        await new Promise((res) => setTimeout(res, 20));
      }
    };

    const started = Date.now();
    await Promise.all([...Array.from({ length: READERS }, reader), ...editors.map(editor)]);
    const elapsed = (Date.now() - started) / 1000;

    const broken = await findBrokenQuotes(handle.db);
    const logged = await handle.db.$count(
      revisions,
      and(
        eq(revisions.action, "update"),
        inArray(
          revisions.authorName,
          editors.map((e) => e.name),
        ),
      ),
    );
    const [{ n: maxRev } = { n: 0 }] = await handle.db
      .select({ n: sql<number>`max(revision)`.mapWith(Number) })
      .from(claims);

    console.log(
      `\nLoad: ${READERS} readers + ${EDITORS} maintainers for ${elapsed.toFixed(1)} s against next start on Postgres\n`,
    );
    console.log("| route | requests | p50 ms | p95 ms |");
    console.log("|---|---:|---:|---:|");
    for (const [route, xs] of latencies) {
      const s = [...xs].sort((a, b) => a - b);
      console.log(
        `| ${route} | ${s.length} | ${percentile(s, 50).toFixed(1)} | ${percentile(s, 95).toFixed(1)} |`,
      );
    }
    const all = [...latencies.values()].flat().sort((a, b) => a - b);
    console.log(
      `\nrequests: ${requests} (${(requests / elapsed).toFixed(0)}/s), errors: ${errors.length}, p95: ${percentile(all, 95).toFixed(1)} ms`,
    );
    console.log(
      `edits: ${edited} saved, ${conflicts} refused as stale (nothing lost), revision entries for them: ${logged}, highest claim revision: ${maxRev}`,
    );
    console.log(`quotes not matching their source afterwards: ${broken.length}`);
    if (errors.length > 0) console.log(`first errors:\n  ${errors.slice(0, 10).join("\n  ")}`);
    failed = errors.length > 0 || broken.length > 0 || logged !== edited;
    const storm = await signInStorm(app.baseURL);
    failed ||= !storm.withinBudget;
  } finally {
    await server.stop();
    await handle.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  if (failed) {
    console.error("LOAD TEST FAILED");
    process.exitCode = 1;
  }
}

/** Readers of the catalog page, as browsers ask for it (HTML, gzip), for `seconds`. */
async function readFor(baseURL: string, seconds: number, readers: number): Promise<number[]> {
  const latencies: number[] = [];
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: readers }, async () => {
      while (Date.now() < until) {
        const started = performance.now();
        const res = await fetch(`${baseURL}/`, {
          headers: { accept: "text/html", "accept-encoding": "gzip" },
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}

/**
 * Readers alone, then beside a sign-in storm: `attackers` clients each posting a sign-in for a
 * made-up name from a made-up address, `pause` ms apart (0: re-post as soon as answered).
 */
async function storm(baseURL: string, readers: number, pauseMs: number, signIn = true) {
  const idle = await readFor(baseURL, STORM_SECONDS, readers);
  const answers = new Map<number, number>();
  let attacking = true;
  const attacker = async (n: number) => {
    for (let i = 0; attacking; i++) {
      const started = Date.now();
      // The control: the same waves of requests, to a route that hashes nothing.
      const res = signIn
        ? await fetch(`${baseURL}/maintain/sign-in/submit`, {
            method: "POST",
            body: new URLSearchParams({ name: `storm-${n}-${i}`, password: "not the password" }),
            headers: {
              "content-type": "application/x-www-form-urlencoded",
              "x-forwarded-for": `10.${n}.${(i >> 8) & 255}.${i & 255}`,
            },
            redirect: "manual",
          })
        : await fetch(`${baseURL}/api/health`);
      await res.arrayBuffer();
      answers.set(res.status, (answers.get(res.status) ?? 0) + 1);
      const wait = pauseMs - (Date.now() - started);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  };
  const attackers = Array.from({ length: STORM_ATTACKERS }, (_, n) => attacker(n));
  const during = await readFor(baseURL, STORM_SECONDS, readers);
  attacking = false;
  await Promise.all(attackers);
  return { idle, during, answers };
}

async function signInStorm(baseURL: string) {
  const readers = Math.min(READERS, 8);
  const p = (xs: number[], q: number) => percentile(xs, q).toFixed(1);
  const named: Record<number, string> = {
    200: "200 health",
    303: "303 wrong name/password (hashed)",
    429: "429 limited",
    503: "503 busy (not hashed)",
  };
  console.log(
    `\nSign-in storm: ${readers} readers of / (HTML, gzip), ${STORM_SECONDS} s alone, then ${STORM_SECONDS} s beside ${STORM_ATTACKERS} clients signing in with made-up names from made-up addresses\n`,
  );
  console.log("| storm | phase | reader requests | p50 ms | p95 ms | sign-in answers |");
  console.log("|---|---|---:|---:|---:|---|");
  let waveRatio = Number.POSITIVE_INFINITY;
  for (const [label, pause, signIn] of [
    [`waves: ${STORM_ATTACKERS} parallel sign-ins every second`, 1000, true],
    [`control: ${STORM_ATTACKERS} parallel GET /api/health every second`, 1000, false],
    [`flood: each client re-posts a sign-in as soon as answered`, 0, true],
  ] as const) {
    const { idle, during, answers } = await storm(baseURL, readers, pause, signIn);
    const ratio = percentile(during, 95) / Math.max(percentile(idle, 95), 0.001);
    if (pause > 0 && signIn) waveRatio = ratio;
    const said = [...answers].map(([s, n]) => `${named[s] ?? s}: ${n}`).join("; ");
    console.log(`| ${label} | alone | ${idle.length} | ${p(idle, 50)} | ${p(idle, 95)} | |`);
    console.log(
      `| ${label} | during (p95 ${ratio.toFixed(2)}× alone) | ${during.length} | ${p(during, 50)} | ${p(during, 95)} | ${said} |`,
    );
  }
  console.log(`\nreader p95 during the waves ÷ alone: ${waveRatio.toFixed(2)}× (budget 2×)`);
  return { withinBudget: waveRatio <= 2 };
}

await main();
