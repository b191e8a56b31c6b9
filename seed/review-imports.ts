/*
 * `npm run seed:review` — writes the decisions files of seed/decisions/ from the review below: our
 * reading of each seed document, written as rules with their reasons (what to reject, what the
 * parser cannot see and a reviewer corrects), applied to every candidate. Edit the rules, not the
 * generated files; run it after changing a seed document or the importer, and read the diff
 * (every changed decision shows there) before committing.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { type Decision, decisionSchema, describe, type Reviewed } from "@/db/domain/extract/review";
import { handReviewedClaims } from "./build";
import { DECISIONS_DIR, decisionsPath, proposeForDoc, readDecisions } from "./imported";
import { IMPORT_DOCS } from "./imports";

type Review = {
  /** Which candidates the rule is about. `text` is the document, `c.quote` a span of it. */
  when: (c: Reviewed, text: string) => boolean;
  reject?: true;
  edit?: Decision["edit"];
  reason: string;
};

/** Where a section heading the parser cannot tie to its table starts and ends. */
const within = (text: string, c: Reviewed, from: string, to?: string) => {
  const a = text.indexOf(from);
  const b = to ? text.indexOf(to, a) : -1;
  return a >= 0 && c.quote.start > a && (b < 0 || c.quote.start < b);
};

/** Our reading of the seed documents, by document. */
const REVIEW: Record<string, Review[]> = {
  "current/docs/nvidia-Nemotron-README.md.txt": [
    {
      when: (c) =>
        c.model === "nemotron-3-super" && (c.valueText === "120B" || c.valueText === "12B"),
      reason:
        "The spec line under Nemotron 3 Super says '120B total / 12B active'; the same README's table (and the Super README) say 120.6B / 12.7B. Both kept: a conflict within the publisher's own documents, ranked by the rule.",
    },
    {
      when: (c, text) =>
        c.field === "license" && text.slice(c.quote.start, c.quote.end).includes("img.shields.io"),
      reject: true,
      reason:
        "The badge heads NVIDIA's Nemotron code repository (its LICENSE covers the repository's code); the README states no licence for the Nemotron 3 weights.",
    },
  ],
  "current/docs/moonshot-Kimi-K2.5-README.md.txt": [
    {
      when: (c) =>
        c.field === "benchmark" &&
        /^(Terminal[- ]Bench 2\.0|SWE-Bench (Verified|Pro|Multilingual))$/i.test(c.label),
      reject: true,
      reason:
        "The column says Thinking, but the footnotes say otherwise: 'we evaluated Terminal-Bench 2.0 under non-thinking mode' and, for the SWE-Bench series, 'The highest scores were achieved under non-thinking mode'. Which mode a score is under is not reliably stated.",
    },
    {
      when: (c, text) =>
        c.field === "context_window" &&
        /experiments were conducted with/.test(text.slice(c.quote.start, c.quote.end)),
      reject: true,
      reason:
        "The context length the evaluations were run with, not the model's context window (the spec table's 'Context Length | 256K' states that).",
    },
  ],
  "current/docs/nvidia-Nemotron-docs_nemotron_omni3_README.md.txt": [
    {
      when: (c) => c.field === "architecture" && / \(details\)$/.test(c.valueText),
      edit: {
        valueText:
          "Hybrid MoE — Mamba layers (sequence/memory efficiency) + transformer layers (reasoning), with a unified text decoder",
      },
      reason:
        "'(details)' is the text of a link after the description, not part of the architecture.",
    },
    {
      when: (c) => c.field === "license",
      edit: { valueText: "NVIDIA Nemotron Open Model License" },
      reason:
        "The licence's name; the parenthesis after it describes the licence, it is not part of the name.",
    },
  ],
  "current/docs/qwen-Qwen3.5-README.md.txt": [
    {
      when: (c) => c.field === "release_date" && c.valueDate === "2025-09-11",
      reject: true,
      reason: "The 2025-09-11 line is about Qwen3-Next-80B-A3B, not a Qwen3.5 model.",
    },
  ],
  "current/docs/qwen-Qwen3.8-README.md-at-f144309-qwen3.6-version.txt": [
    {
      when: (c) => c.field === "release_date" && c.model === "qwen3.6",
      reject: true,
      reason:
        "The news line naming no model it can be tied to is about Qwen3-Next (2025-09-11), repeated from the older README.",
    },
  ],
  "current/docs/qwen-Qwen3.8-README.md.txt": [
    {
      when: (c) => c.field === "release_date" && c.model === "qwen3.8",
      reject: true,
      reason:
        "The news line naming no model it can be tied to is about Qwen3-Next (2025-09-11), repeated from the older README.",
    },
  ],
  "current/docs/zhipu-GLM-5-README.md.txt": [
    {
      when: (c) =>
        (c.field === "total_params" || c.field === "active_params") &&
        /^(355B|32B)$/.test(c.valueText),
      reject: true,
      reason:
        "'GLM-5 scales from 355B parameters (32B active) to 744B parameters (40B active)': 355B/32B is where it scales from (GLM-4.5's size), not GLM-5's.",
    },
  ],
  "official/github-meta-llama-llama3_2-model-card.txt": [
    {
      when: (c) => c.variant === "Vanilla PTQ",
      reject: true,
      reason: 'The card marks Vanilla PTQ "for comparison purposes only. Model not released."',
    },
    {
      when: (c) => c.label === "Needle in Haystack" && c.valueText === "1",
      reject: true,
      reason:
        "The row reads 96.8 beside 1: two scales in one row, so '1' cannot be read without a guess.",
    },
  ],
  "official/github-deepseek-v3-readme.txt": [
    {
      when: (c, text) =>
        c.variant === "" &&
        within(text, c, "### Base Model", "#### Standard Benchmarks (Models larger than 67B)"),
      edit: { variant: "base" },
      reason: "The table sits under '### Base Model' (section 4): the base checkpoints.",
    },
    {
      when: (c, text) =>
        c.model === "deepseek-v3" &&
        c.variant === "" &&
        within(text, c, "#### Standard Benchmarks (Models larger than 67B)"),
      edit: { variant: "instruct" },
      reason:
        "The second table sets DeepSeek V3 against instruct models (Qwen2.5 72B-Inst., Llama3.1 405B-Inst.): the chat model, which the License section calls 'DeepSeek-V3 Base/Chat models'.",
    },
  ],
  "official/github-deepseek-r1-readme.txt": [
    {
      when: (c) => c.model === "deepseek-v3" && c.variant === "",
      edit: { variant: "instruct" },
      reason:
        "R1's table sets DeepSeek V3 beside chat models (Claude-3.5-Sonnet, GPT-4o, o1): the chat model, as the V3 README's own chat table.",
    },
  ],
  "official/hf-swiss-ai-apertus-8b-2509-model-card.txt": [
    {
      when: (c, text) => c.variant === "" && within(text, c, "**Pretraining Evaluation:**"),
      edit: { variant: "base" },
      reason:
        "'Pretraining Evaluation ... compared to other pretrained models': the base checkpoints.",
    },
  ],
  "official/hf-blog-gemma-july-update.txt": [
    {
      when: (c) => c.modelName === "google/gemma-2-2B",
      edit: { variant: "base" },
      reason:
        "google/gemma-2-2B is the pretrained checkpoint; google/gemma-2-2B-it, beside it, the tuned one.",
    },
  ],
};

/** Rules for every document. */
const EVERYWHERE: Review[] = [
  {
    when: (c) => c.field === "benchmark" && /^(mean|avg|average)$/i.test(c.label),
    reject: true,
    reason:
      "An average over this table's own selection of benchmarks: no other source reports the same number.",
  },
];

function ruleFor(doc: string, c: Reviewed, text: string): Decision {
  const hit = [...(REVIEW[doc] ?? []), ...EVERYWHERE].find((r) => r.when(c, text));
  if (hit?.reject) return { decision: "reject", reason: hit.reason, was: describe(c) };
  if (hit?.edit)
    return { decision: "accept", edit: hit.edit, reason: hit.reason, was: describe(c) };
  // A rule with neither: accepted, for the reason it gives (a conflict the reader should know of).
  if (hit) return { decision: "accept", reason: hit.reason, was: describe(c) };
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
    const before = readDecisions(doc)?.decisions ?? {};
    const file = { document: doc.file, decisions: {} as Record<string, Decision> };
    let changed = 0;
    for (const c of review.candidates) {
      if (c.status === "same") continue;
      const d = ruleFor(doc.file, c, source.text);
      file.decisions[c.key] = d;
      if (JSON.stringify(before[c.key]) !== JSON.stringify(decisionSchema.parse(d))) changed++;
    }
    const gone = Object.keys(before).filter((k) => !file.decisions[k]).length;
    writeFileSync(decisionsPath(doc), `${JSON.stringify(file, null, 2)}\n`);
    const count = (d: string) =>
      Object.values(file.decisions).filter((x) => x.decision === d).length;
    console.log(
      `${doc.file}: ${review.candidates.length} candidates, ${count("accept")} accepted, ${count("reject")} rejected; ${changed} changed, ${gone} gone`,
    );
  }
}

main();
