/*
 * npm run replay:versions — every committed version of four real documents (seed/sources/versions/,
 * oldest first) fed through the real code path: a fresh in-memory database, the source created
 * as its first version, then each later version added with addSourceVersion — the function the
 * maintainer form and `npm run source:update` call — which re-anchors every claim in the same
 * transaction. The claims followed are the catalog's claims on the stored copy of each document
 * and every fact the importer reads from any version; each is stored when the first version that
 * states its quote exactly once arrives. Prints per version how many were carried, moved,
 * proposed and orphaned, and checks the invariants at every step (exit 1 if one breaks). A test
 * bed, not a test: BENCHMARKS.md has the totals; tests/integration/replay.test.ts replays a part.
 */
import { and, eq, isNull } from "drizzle-orm";
import { createDb, type Db } from "@/db/client";
import { extractFacts } from "@/db/domain/extract/extract";
import { toCodePointOffset } from "@/db/domain/quote";
import {
  emptyStep,
  occurrences,
  type ReplayStep,
  replayHistory,
  type TrackedClaim,
  type VersionText,
  valueAppears,
} from "@/db/domain/reanchor";
import { LENGTHS } from "@/db/domain/rules";
import { addSourceVersion, newestVersion } from "@/db/queries/versions";
import { claimReviews, claims, models, sources } from "@/db/schema";
import { buildSeedCatalog } from "@/seed/build";
import { loadHistory, HISTORIES as SEED_HISTORIES } from "@/seed/histories";
import { IMPORT_DOCS, knownModels } from "@/seed/imports";
import { findBrokenQuotes } from "@/seed/index";

/** Each history and the stored source whose claims it follows (seed/histories.ts). */
export const HISTORIES = Object.entries(SEED_HISTORIES).map(([source, dir]) => ({ dir, source }));

/** A history's versions, oldest first, as the seed loads them. */
export function loadVersions(dir: string): VersionText[] {
  return loadHistory(dir).map((v) => ({
    name: v.file.replace(/^.*\//, "").replace(/\.md$/, ""),
    text: v.text,
  }));
}

/** The catalog's claims on the stored copy, and every fact the importer reads from a version. */
export function claimsToFollow(source: string, versions: VersionText[]): TrackedClaim[] {
  const catalog = buildSeedCatalog();
  // How the seed's importer reads this document (its model, its subject), by the stored file.
  const file = catalog.sources.find((s) => s.slug === source)?.file;
  const doc = IMPORT_DOCS.find((d) => d.file === file);
  const out = new Map<string, TrackedClaim>();
  for (const c of catalog.claims.filter((c) => c.source === source))
    out.set(`claim:${c.seedKey}`, {
      id: `claim:${c.seedKey}`,
      quote: c.quote,
      start: c.quoteStart,
      end: c.quoteEnd,
      valueText: c.valueText,
    });
  const known = knownModels();
  for (const v of versions) {
    let candidates: ReturnType<typeof extractFacts>["candidates"] = [];
    try {
      candidates = extractFacts(v.text, {
        known,
        model: doc?.model ?? null,
        subject: doc?.subject,
      }).candidates;
    } catch {
      continue; // a version the importer cannot read adds no facts; the others still replay
    }
    for (const c of candidates) {
      const quote = v.text.slice(c.quote.start, c.quote.end);
      const id = `fact:${c.model}|${c.field}|${c.label}|${c.variant}|${c.settings}|${c.valueText}|${quote}`;
      if (!out.has(id))
        out.set(id, { id, quote, start: c.quote.start, end: c.quote.end, valueText: c.valueText });
    }
  }
  return [...out.values()];
}

export type DbReplayFinal = {
  followed: number;
  current: number;
  proposed: number;
  orphaned: number;
};

/**
 * Replays one history through the database. Returns per-version steps (with any broken
 * invariant named) and where the claims ended.
 */
export async function replayThroughDb(
  db: Db,
  name: string,
  versions: VersionText[],
  tracked: TrackedClaim[],
): Promise<{ steps: ReplayStep[]; final: DbReplayFinal }> {
  const actor = { id: null, name: "replay" };
  const [model] = await db
    .insert(models)
    .values({ slug: `replay-${name}`, name: `Replay ${name}`, developer: "replay", kind: "model" })
    .returning();
  const first = versions[0];
  if (!model || !first) throw new Error("nothing to replay");
  const [source] = await db
    .insert(sources)
    .values({
      slug: `replay-${name}`,
      title: name,
      kind: "readme",
      tier: "primary",
      text: first.text,
    })
    .returning();
  if (!source) throw new Error("the source was not stored");
  // Only what a claim can hold: a quote within the length limit, a value that fits.
  const followable = tracked.filter(
    (c) =>
      c.quote.length <= LENGTHS.quote &&
      c.valueText.trim() !== "" &&
      c.valueText.length <= LENGTHS.valueText,
  );
  const born = new Set<string>();
  const steps: ReplayStep[] = [];
  for (const [i, v] of versions.entries()) {
    const step = emptyStep(v.name);
    if (i > 0) {
      const r = await addSourceVersion(db, actor, {
        slug: source.slug,
        text: v.text,
        publishedOn: null,
      });
      if (!r.ok) {
        step.violations.push(`version refused: ${r.error}`);
        steps.push(step);
        continue;
      }
      Object.assign(step, {
        carried: r.data.carried,
        moved: r.data.moved,
        proposed: r.data.proposed,
        orphaned: r.data.orphaned,
      });
    }
    const newest = await newestVersion(db, source.id);
    const fresh = followable
      .filter((c) => !born.has(c.id))
      .flatMap((c) => {
        const at = occurrences(v.text, c.quote);
        if (at.length !== 1) return [];
        const start = toCodePointOffset(v.text, at[0] as number);
        return [{ c, start }];
      });
    for (let k = 0; k < fresh.length; k += 200) {
      await db.insert(claims).values(
        fresh.slice(k, k + 200).map(({ c, start }) => ({
          modelId: model.id,
          field: "other" as const,
          label: `replay ${c.id}`.slice(0, LENGTHS.label),
          valueText: c.valueText,
          provenance: "publisher" as const,
          sourceId: source.id,
          quote: c.quote,
          quoteStart: start,
          quoteEnd: start + [...c.quote].length,
          authorName: actor.name,
        })),
      );
    }
    for (const { c } of fresh) born.add(c.id);
    step.born = fresh.length;
    // Invariants: no claim points at text that is not its quote (the database checks on write;
    // this re-reads every row), none is lost, none proposed is moved without a maintainer.
    const broken = await findBrokenQuotes(db);
    if (broken.length > 0)
      step.violations.push(`${broken.length} claims point at text that is not their quote`);
    const live = await db
      .select()
      .from(claims)
      .where(and(eq(claims.sourceId, source.id), isNull(claims.retiredAt)));
    if (live.length !== born.size) step.violations.push(`claims lost: ${born.size - live.length}`);
    const open = await db
      .select({ review: claimReviews, claim: claims })
      .from(claimReviews)
      .innerJoin(claims, eq(claims.id, claimReviews.claimId))
      .where(and(eq(claims.sourceId, source.id), isNull(claimReviews.resolvedAt)));
    step.pending = open.length;
    for (const { review, claim } of open) {
      if (claim.versionId === newest?.id)
        step.violations.push(
          `claim ${claim.id} waits for review but already cites the newest version`,
        );
      if (
        review.outcome === "proposed" &&
        !valueAppears({ ...claim, start: 0, end: 0 }, review.proposedQuote ?? "")
      )
        step.violations.push(`claim ${claim.id}: proposed without its value in the passage`);
    }
    steps.push(step);
  }
  const live = await db.select().from(claims).where(eq(claims.sourceId, source.id));
  const newest = await newestVersion(db, source.id);
  const open = await db
    .select({ outcome: claimReviews.outcome })
    .from(claimReviews)
    .innerJoin(claims, eq(claims.id, claimReviews.claimId))
    .where(and(eq(claims.sourceId, source.id), isNull(claimReviews.resolvedAt)));
  return {
    steps,
    final: {
      followed: live.length,
      current: live.filter((c) => c.versionId === newest?.id).length,
      proposed: open.filter((o) => o.outcome === "proposed").length,
      orphaned: open.filter((o) => o.outcome === "orphaned").length,
    },
  };
}

async function main() {
  let broken = 0;
  const totals: string[] = [];
  const handle = createDb({ pgliteDir: "memory://" });
  await handle.migrate();
  try {
    for (const h of HISTORIES) {
      const versions = loadVersions(h.dir);
      const claims = claimsToFollow(h.source, versions);
      const started = Date.now();
      const { steps, final } = await replayThroughDb(
        handle.db,
        h.dir.replaceAll("_", "-"),
        versions,
        claims,
      );
      // The pure re-anchoring (no database) must agree with the real path, step by step.
      const pure = replayHistory(
        versions,
        claims.filter(
          (c) =>
            c.quote.length <= LENGTHS.quote &&
            c.valueText.trim() !== "" &&
            c.valueText.length <= LENGTHS.valueText,
        ),
      );
      const disagree = steps.filter((s, i) => {
        const p = pure.steps[i];
        return (
          !p ||
          p.carried + p.moved !== s.carried + s.moved ||
          p.proposed !== s.proposed ||
          p.orphaned !== s.orphaned
        );
      }).length;
      console.log(
        `\n## ${h.dir}: ${versions.length} versions, ${final.followed} claims followed (${Date.now() - started} ms)`,
      );
      console.log("| version | born | carried | moved | proposed | orphaned | pending |");
      console.log("|---|---:|---:|---:|---:|---:|---:|");
      for (const s of steps) {
        // Quiet versions (everything carried, nothing new) are summed, not listed.
        if (s.moved + s.proposed + s.orphaned + s.born === 0 && s.violations.length === 0) continue;
        console.log(
          `| ${s.version} | ${s.born} | ${s.carried} | ${s.moved} | ${s.proposed} | ${s.orphaned} | ${s.pending} |`,
        );
        for (const v of s.violations) console.log(`  VIOLATION ${v}`);
        broken += s.violations.length;
      }
      if (disagree > 0)
        console.log(
          `  (${disagree} steps differ from the pure replay: claims born in different places)`,
        );
      const sum = (k: "carried" | "moved" | "proposed" | "orphaned") =>
        steps.reduce((n, s) => n + s[k], 0);
      totals.push(
        `| ${h.dir} | ${versions.length} | ${final.followed} | ${sum("carried")} | ${sum("moved")} | ${sum("proposed")} | ${sum("orphaned")} | ${final.current} | ${final.proposed} | ${final.orphaned} |`,
      );
    }
  } finally {
    await handle.close();
  }
  console.log(
    "\n| document | versions | claims followed | carried | moved | proposed | orphaned | on the newest version | proposed, waiting | orphaned, waiting |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const t of totals) console.log(t);
  console.log(broken === 0 ? "\nEvery invariant held at every step." : `\n${broken} violations.`);
  if (broken > 0) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
