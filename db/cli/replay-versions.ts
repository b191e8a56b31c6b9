/*
 * npm run replay:versions — every committed version of four real documents (seed/sources/versions/,
 * oldest first) fed through re-anchoring (db/domain/reanchor.ts). The claims followed are the
 * catalog's claims on the stored copy of each document and every fact the importer reads from
 * any version; each is anchored in the first version that states its quote exactly once. Prints
 * per version how many were carried, moved, proposed and orphaned, and checks the invariants at
 * every step (exit 1 if one breaks). A test bed, not a test: BENCHMARKS.md has the totals.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extractFacts } from "@/db/domain/extract/extract";
import { replayHistory, type TrackedClaim, type VersionText } from "@/db/domain/reanchor";
import { buildSeedCatalog } from "@/seed/build";
import { IMPORT_DOCS, knownModels } from "@/seed/imports";

const DIR = new URL("../../seed/sources/versions/", import.meta.url).pathname;

/** Each history, the stored source whose claims it follows, and how the importer reads it. */
export const HISTORIES = [
  { dir: "openai-gpt-oss-readme", source: "github-openai-gpt-oss-readme" },
  { dir: "qwenlm-qwen3-readme", source: "github-qwenlm-qwen3-readme" },
  { dir: "meta-llama-llama3_2-model-card", source: "github-meta-llama-llama3-2-model-card" },
  { dir: "meta-llama-llama4-model-card", source: "github-meta-llama-llama4-model-card" },
] as const;

export function loadVersions(dir: string): VersionText[] {
  return readdirSync(join(DIR, dir))
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => {
      const raw = readFileSync(join(DIR, dir, f), "utf8");
      const at = raw.indexOf("\n-----\n");
      return { name: f.replace(/\.md$/, ""), text: at < 0 ? raw : raw.slice(at + 7) };
    });
}

/** The catalog's claims on the stored copy, and every fact the importer reads from a version. */
export function claimsToFollow(source: string, versions: VersionText[]): TrackedClaim[] {
  const catalog = buildSeedCatalog();
  const doc = IMPORT_DOCS.find((d) => d.file.includes(source.replace(/^github-/, "")));
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

function main() {
  let broken = 0;
  const totals: string[] = [];
  for (const h of HISTORIES) {
    const versions = loadVersions(h.dir);
    const claims = claimsToFollow(h.source, versions);
    const { steps, final } = replayHistory(versions, claims);
    console.log(`\n## ${h.dir}: ${versions.length} versions, ${claims.length} claims followed`);
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
    const sum = (k: "carried" | "moved" | "proposed" | "orphaned") =>
      steps.reduce((n, s) => n + s[k], 0);
    totals.push(
      `| ${h.dir} | ${versions.length} | ${final.followed} | ${sum("carried")} | ${sum("moved")} | ${sum("proposed")} | ${sum("orphaned")} | ${final.current} | ${final.proposed} | ${final.orphaned} |`,
    );
  }
  console.log(
    "\n| document | versions | claims followed | carried | moved | proposed | orphaned | on the newest version | proposed, waiting | orphaned, waiting |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const t of totals) console.log(t);
  console.log(broken === 0 ? "\nEvery invariant held at every step." : `\n${broken} violations.`);
  if (broken > 0) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) main();
