/*
 * npm run bench:extract — the importer against the reviewed seed (a benchmark, not a test).
 *
 * For every seed document the importer reads (seed/imports.ts):
 * - recall: of the reviewed claims that cite the document, how many the importer proposes on its
 *   own (same model, field, benchmark name and value; the review may have corrected a variant
 *   or settings). Counted twice: over every reviewed claim, and over the hand-entered ones only
 *   (claims.json: written before the importer existed, so an independent answer key);
 * - precision: of the importer's candidates, how many the review kept (accepted, or already
 *   cited by a hand-entered claim) rather than rejected;
 * - time to propose and to apply a 1 MB document (the full Qwen2.5 speed benchmark, repeated),
 *   on a fresh embedded database.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { looseKey, valuesAgree } from "@/db/domain/comparison";
import { extractFacts } from "@/db/domain/extract/extract";
import type { Candidate } from "@/db/domain/extract/types";
import { buildSeedCatalog, type ClaimSeed } from "@/seed/build";
import { readDecisions } from "@/seed/imported";
import { IMPORT_DOCS, knownModels } from "@/seed/imports";

type Group = "specs" | "specs, descriptive wording" | "benchmarks" | "speed/memory" | "other";

/*
 * Specs split in two: values a parser can read (a number, a date, a licence) and descriptive
 * wording a reviewer wrote from prose ("MoE with 128 experts", "deployable on laptops"), which no
 * table or config parser states and which stay hand-entered with their reasons.
 */
function groupOf(c: {
  field: string;
  label: string;
  valueNum: number | null;
  valueDate: string | null;
}): Group {
  if (c.field === "benchmark") return "benchmarks";
  const descriptive = c.valueNum === null && c.valueDate === null && c.field !== "license";
  if (
    descriptive &&
    ["architecture", "quantization", "memory_footprint", "other"].includes(c.field)
  ) {
    return "specs, descriptive wording";
  }
  if (c.field === "memory_footprint" || (c.field === "other" && /speed/.test(c.label))) {
    return "speed/memory";
  }
  if (c.field === "other") return "other";
  return "specs";
}

const agree = (c: Candidate, s: ClaimSeed) =>
  c.model === s.model &&
  c.field === s.field &&
  looseKey(c.label) === looseKey(s.label) &&
  valuesAgree(
    { ...c, modelId: 0, source: { slug: "" } },
    { ...s, modelId: 0, source: { slug: "" } },
  ) === true;

type Tally = { found: number; total: number };
const tally = () => ({ found: 0, total: 0 });
const pct = (t: Tally) => (t.total ? `${((100 * t.found) / t.total).toFixed(1)}%` : "—");

const catalog = buildSeedCatalog();
const bySource = new Map<string, ClaimSeed[]>();
for (const c of catalog.claims) bySource.set(c.source, [...(bySource.get(c.source) ?? []), c]);
const sourceOf = new Map(catalog.sources.map((s) => [s.file, s]));
const known = knownModels();

const recallAll = new Map<Group, Tally>();
const recallHand = new Map<Group, Tally>();
const precision = new Map<Group, Tally>();
const perDoc: string[][] = [];
const misses: string[] = [];
const bump = (m: Map<Group, Tally>, g: Group, found: boolean) => {
  const t = m.get(g) ?? tally();
  t.total++;
  if (found) t.found++;
  m.set(g, t);
};

for (const doc of IMPORT_DOCS) {
  const source = sourceOf.get(doc.file);
  if (!source) throw new Error(`${doc.file} missing`);
  const { candidates } = extractFacts(source.text, {
    known,
    model: doc.model ?? null,
    subject: doc.subject,
    format: doc.format,
  });
  const reviewed = bySource.get(source.slug) ?? [];
  const decisions = readDecisions(doc)?.decisions ?? {};
  for (const claim of reviewed) {
    const found = candidates.some((c) => agree(c, claim));
    bump(recallAll, groupOf(claim), found);
    if (claim.seedKey.startsWith("claims.json#")) {
      bump(recallHand, groupOf(claim), found);
      if (!found)
        misses.push(
          `${doc.file}: ${claim.model} ${claim.field} ${claim.label} = ${claim.valueText}`,
        );
    }
  }
  let rejected = 0;
  for (const c of candidates) {
    const d = decisions[c.key];
    // Not in the decisions file: the importer marked it "same" (a hand-entered claim says it).
    const kept = !d || d.decision === "accept";
    if (!kept) rejected++;
    bump(precision, groupOf(c), kept);
  }
  const hand = reviewed.filter((c) => c.seedKey.startsWith("claims.json#")).length;
  perDoc.push([
    doc.file,
    String(hand),
    String(candidates.length),
    String(rejected),
    String(reviewed.length),
  ]);
}

const groups: Group[] = [
  "specs",
  "benchmarks",
  "speed/memory",
  "other",
  "specs, descriptive wording",
];
const total = (m: Map<Group, Tally>) =>
  [...m.values()].reduce(
    (a, t) => ({ found: a.found + t.found, total: a.total + t.total }),
    tally(),
  );
console.log("| group | recall, all reviewed claims | recall, hand-entered claims | precision |");
console.log("|---|---|---|---|");
for (const g of groups) {
  const [a, h, p] = [
    recallAll.get(g) ?? tally(),
    recallHand.get(g) ?? tally(),
    precision.get(g) ?? tally(),
  ];
  console.log(
    `| ${g} | ${pct(a)} (${a.found}/${a.total}) | ${pct(h)} (${h.found}/${h.total}) | ${pct(p)} (${p.found}/${p.total}) |`,
  );
}
const [A, H, P] = [total(recallAll), total(recallHand), total(precision)];
console.log(
  `| **all** | ${pct(A)} (${A.found}/${A.total}) | ${pct(H)} (${H.found}/${H.total}) | ${pct(P)} (${P.found}/${P.total}) |`,
);

console.log(
  "\n| document | hand-entered claims | importer candidates | rejected in review | claims citing it |",
);
console.log("|---|---|---|---|---|");
for (const r of perDoc) console.log(`| ${r.join(" | ")} |`);

if (process.argv.includes("--misses")) {
  console.log("\nHand-entered claims the importer does not find:");
  for (const m of misses) console.log(`- ${m}`);
}

// Timing: a 1 MB document through propose and apply on a fresh embedded database.
const dir = mkdtempSync(join(tmpdir(), "owl-bench-"));
process.env.PGLITE_DIR = dir;
process.env.DATABASE_URL = "";
const speed = sourceOf.get("official/qwen-docs-qwen2.5-speed-benchmark-full.txt")?.text ?? "";
const copies = Math.ceil(Number(process.env.BENCH_BYTES ?? 1_000_000) / speed.length);
// Each copy is made a distinct table (its caption numbered) so candidates are not one another's twins.
const big = Array.from({ length: copies }, (_, i) =>
  speed.replaceAll("(Transformer)", `(Transformer run ${i})`),
).join("\n");
const { dbHandle } = await import("@/db/index");
await dbHandle.migrate();
const { seed } = await import("@/seed/index");
await seed(dbHandle.db);
const { proposeImport, applyImport } = await import("@/db/queries/imports");
const { maintainers } = await import("@/db/schema");
const [actor] = await dbHandle.db
  .insert(maintainers)
  .values({ name: "bench", passwordHash: "not a usable hash" })
  .returning({ id: maintainers.id, name: maintainers.name });
if (!actor) throw new Error("no maintainer");
const input = {
  newSource: {
    slug: "bench-1mb",
    title: "1 MB benchmark document",
    publisher: "Qwen Team, Alibaba Cloud",
    author: null,
    url: null,
    publishedOn: null,
    kind: "docs" as const,
    tier: "primary" as const,
    mirrorOf: null,
    text: big,
  },
  subject: "qwen2.5",
};
let t = performance.now();
const proposed = await proposeImport(dbHandle.db, input);
const proposeMs = performance.now() - t;
if (!proposed.ok) throw new Error(proposed.error);
const decisions = Object.fromEntries(
  proposed.data.candidates
    .filter((c) => c.status !== "same")
    .map((c) => [c.key, { decision: "accept" as const, reason: "bench" }]),
);
t = performance.now();
const applied = await applyImport(dbHandle.db, actor, { ...input, decisions });
const applyMs = performance.now() - t;
if (!applied.ok) throw new Error(applied.error);
console.log(
  `\n1 MB document (${big.length.toLocaleString("en-US")} characters): propose ${proposeMs.toFixed(0)} ms (${proposed.data.candidates.length} candidates), apply ${applyMs.toFixed(0)} ms (${applied.data.created} claims, with revisions and catalog rows, one transaction), ${dbHandle.driver}`,
);
await dbHandle.close();
rmSync(dir, { recursive: true, force: true });
