/*
 * `npm run seed:review` — writes the decisions files of seed/decisions/ for candidates they do not
 * decide yet, by the review rules below (each decision records its rule's reason), and reports
 * stale decisions. Decisions already in a file are kept as they are: a human edit there wins.
 * Run it after changing a seed document or the importer; read the diff before committing it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { type Decision, describe, type Reviewed } from "@/db/domain/extract/review";
import { handReviewedClaims } from "./build";
import { DECISIONS_DIR, decisionsPath, proposeForDoc, readDecisions } from "./imported";
import { IMPORT_DOCS } from "./imports";

/**
 * Candidates the reviewer rejected by hand, by document and key, with the reason. (Corrections
 * go in the decisions file itself as an `edit`.)
 */
const REJECT: Record<string, Record<string, string>> = {};

function ruleFor(doc: string, c: Reviewed): Decision {
  const manual = REJECT[doc]?.[c.key];
  if (manual) return { decision: "reject", reason: manual, was: describe(c) };
  if (!c.knownModel) {
    return {
      decision: "reject",
      reason: `'${c.modelName}' is a comparison column here, not a catalog entry; the catalog lists the models its own sources describe.`,
      was: describe(c),
    };
  }
  const reason =
    c.via === "sentence"
      ? "The document states it about its own model, in the quoted line."
      : c.via === "json" || c.via === "yaml"
        ? "The config states it, as quoted (the key is the field)."
        : c.via === "front-matter"
          ? "The card's metadata states the licence, as quoted."
          : "The publisher's table states it: the quoted row, under the cited header row that names the column.";
  return {
    decision: "accept",
    reason:
      c.status === "conflict"
        ? `${reason} It disagrees with a cited value: both kept, ranked by the rule.`
        : reason,
    was: describe(c),
  };
}

function main() {
  mkdirSync(DECISIONS_DIR, { recursive: true });
  // The claims.json claims, so candidates they already cite are "same" (not proposed again).
  const hand = handReviewedClaims();
  if (hand.problems.length > 0) throw new Error(hand.problems.join("\n"));
  const base = hand.claims;
  const sources = new Map(hand.sources.map((s) => [s.file, s]));
  for (const doc of IMPORT_DOCS) {
    const source = sources.get(doc.file);
    if (!source) throw new Error(`${doc.file}: not in seed/sources`);
    const review = proposeForDoc(doc, source, base);
    const file = readDecisions(doc) ?? { document: doc.file, decisions: {} };
    const keys = new Set(review.candidates.map((c) => c.key));
    let added = 0;
    for (const c of review.candidates) {
      if (c.status === "same" || file.decisions[c.key]) continue;
      file.decisions[c.key] = ruleFor(doc.file, c);
      added++;
    }
    const stale = Object.keys(file.decisions).filter((k) => !keys.has(k));
    for (const k of stale) delete file.decisions[k];
    writeFileSync(decisionsPath(doc), `${JSON.stringify(file, null, 2)}\n`);
    console.log(
      `${doc.file}: ${review.candidates.length} candidates, ${added} newly decided, ${stale.length} stale removed`,
    );
  }
}

main();
