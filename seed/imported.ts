/*
 * The seed's share of the importer: every document in IMPORT_DOCS goes through the same finder
 * as the web form and the command line (db/domain/extract), then through its reviewed decisions
 * file in seed/decisions/. A candidate the file does not decide, or a decision whose candidate the
 * document no longer yields, stops the seed: the review must be redone, not silently skipped.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extractFacts } from "@/db/domain/extract/extract";
import {
  applyDecisions,
  citedValues,
  type DecisionsFile,
  decisionsFileSchema,
  type Existing,
  reviewCandidates,
  splitAlreadyCited,
} from "@/db/domain/extract/review";
import type { Candidate } from "@/db/domain/extract/types";
import type { ClaimSeed } from "./build";
import { type ModelSeed, orgOfPublisher } from "./catalog";
import { IMPORT_DOCS, type ImportDoc, knownModels } from "./imports";
import type { SourceSeed } from "./sources";

export const DECISIONS_DIR = new URL("./decisions/", import.meta.url).pathname;

export const decisionsPath = (doc: Pick<ImportDoc, "file">) =>
  join(DECISIONS_DIR, `${doc.file.replace(/\.txt$/, "").replaceAll("/", "--")}.json`);

export function readDecisions(doc: ImportDoc): DecisionsFile | null {
  const path = decisionsPath(doc);
  if (!existsSync(path)) return null;
  const parsed = decisionsFileSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

export type DocReview = {
  doc: ImportDoc;
  source: SourceSeed;
  candidates: ReturnType<typeof reviewCandidates>;
};

/** The importer's proposals for one seed document, against the claims built so far. */
export function proposeForDoc(
  doc: ImportDoc,
  source: SourceSeed,
  existing: ClaimSeed[],
): DocReview {
  const { candidates } = extractFacts(source.text, {
    known: knownModels(),
    model: doc.model ?? null,
    subject: doc.subject,
    format: doc.format,
  });
  return { doc, source, candidates: reviewCandidates(candidates, current(existing), source.slug) };
}

/** Seed claims as the comparison rules read them. */
function current(existing: ClaimSeed[]): Existing[] {
  return existing.map((c, i) => ({
    ...c,
    id: i,
    sourceSlug: c.source,
    source: { slug: c.source },
  }));
}

/** Claim rows for every accepted candidate of every seed document; problems listed, not thrown. */
export function importedClaims(
  sources: SourceSeed[],
  models: Map<string, ModelSeed>,
  existing: ClaimSeed[],
): { claims: ClaimSeed[]; problems: string[] } {
  const byFile = new Map(sources.map((s) => [s.file, s]));
  const claims: ClaimSeed[] = [];
  const problems: string[] = [];
  for (const doc of IMPORT_DOCS) {
    const source = byFile.get(doc.file);
    if (!source) {
      problems.push(`${doc.file}: not in seed/sources`);
      continue;
    }
    const review = proposeForDoc(doc, source, [...existing, ...claims]);
    const proposed = review.candidates.filter((c) => c.status !== "same");
    const file = readDecisions(doc);
    if (!file) {
      problems.push(`${doc.file}: no decisions file (${decisionsPath(doc)})`);
      continue;
    }
    const quoteOf = (c: Candidate) => source.text.slice(c.quote.start, c.quote.end);
    const decided = applyDecisions(proposed, file.decisions, quoteOf);
    for (const c of decided.undecided) problems.push(`${doc.file}: ${c.key} is not decided`);
    for (const k of decided.stale) problems.push(`${doc.file}: decision ${k} matches no candidate`);
    for (const r of decided.refused) problems.push(`${doc.file}: ${r.key} refused: ${r.why}`);
    const sourceOrg = orgOfPublisher(source.publisher ?? null);
    const { fresh } = splitAlreadyCited(
      decided.accepted,
      current([...existing, ...claims]),
      source.slug,
    );
    const cited = citedValues(source.text, fresh);
    fresh.forEach((c, i) => {
      const model = models.get(c.model);
      if (!model) {
        problems.push(`${doc.file}: ${c.key} names '${c.model}', which is not in seed/catalog.ts`);
        return;
      }
      claims.push({
        ...(cited[i] as (typeof cited)[number]),
        seedKey: `${doc.file}#${c.key}`,
        model: c.model,
        source: source.slug,
        provenance: sourceOrg !== model.org ? "third_party" : "publisher",
        rank: "normal",
        rankReason: null,
        note: file.decisions[c.key]?.edit
          ? `Corrected in review: ${file.decisions[c.key]?.reason}`
          : null,
      });
    });
  }
  return { claims, problems };
}
