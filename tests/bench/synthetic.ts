/*
 * Synthetic catalog for scale benchmarks: N invented models in families, ~15 claims each, every
 * claim quoting a sentence of an invented source that says, in its title, text and publisher,
 * that it is synthetic. It follows the product's rules all the same (the database checks every
 * quote against its source), so the benchmark measures the real write and read paths. Only ever
 * loaded into a throwaway benchmark database; nothing here is a fact about a real model.
 */
import { sql } from "drizzle-orm";
import { rebuildCatalogRows } from "@/db/catalog-index";
import type { Db } from "@/db/client";
import { claims, models, type NewClaim, revisions, sources } from "@/db/schema";

export const SYNTHETIC_AUTHOR = "synthetic benchmark generator";
const PUBLISHER = "Open Weights Ledger benchmark generator (synthetic, not a real source)";

/** Deterministic pseudo-random numbers (mulberry32): the same N gives the same catalog. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type ClaimDraft = Omit<
  NewClaim,
  "modelId" | "sourceId" | "quote" | "quoteStart" | "quoteEnd" | "authorName"
> & {
  sentence: string;
};

const pad = (n: number) => String(n).padStart(5, "0");
const LICENSES = ["Apache 2.0", "MIT", "Synthetic Community License", "Synthetic Research License"];
const QUANT = ["BF16", "FP8", "MXFP4", "Q4_K_M", "INT8"];
const CONTEXTS = [4096, 8192, 32768, 65536, 131072, 262144, 1048576];
const SIZES = [0.5, 1, 1.5, 3, 4, 7, 8, 12, 14, 27, 32, 70, 110, 235, 405, 671, 1000];

function claimsFor(name: string, r: () => number): ClaimDraft[] {
  const size = SIZES[Math.floor(r() * SIZES.length)] as number;
  const moe = size >= 30 && r() < 0.5;
  const active = moe ? Math.max(0.5, Math.round(size * (0.05 + r() * 0.1))) : null;
  const ctx = CONTEXTS[Math.floor(r() * CONTEXTS.length)] as number;
  const quant = QUANT[Math.floor(r() * QUANT.length)] as string;
  const bytes = quant === "BF16" ? 2 : quant === "FP8" || quant === "INT8" ? 1 : 0.53;
  const gb = Math.round(size * bytes * 10) / 10;
  const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(r() * 1000) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const score = (lo: number, hi: number) => Math.round((lo + r() * (hi - lo)) * 10) / 10;
  const base = {
    qualifier: "exact" as const,
    provenance: "publisher" as const,
    rank: "preferred" as const,
  };
  const out: ClaimDraft[] = [
    {
      ...base,
      field: "total_params",
      valueText: `${size}B`,
      valueNum: size * 1e9,
      unit: "params",
      sentence: `${name} has ${size}B parameters in total.`,
    },
    {
      ...base,
      field: "architecture",
      valueText: moe ? "mixture-of-experts transformer" : "dense transformer",
      sentence: `${name} is a ${moe ? "mixture-of-experts" : "dense"} transformer.`,
    },
    {
      ...base,
      field: "context_window",
      valueText: `${ctx} tokens`,
      valueNum: ctx,
      unit: "tokens",
      sentence: `The context window of ${name} is ${ctx} tokens.`,
    },
    {
      ...base,
      field: "quantization",
      valueText: quant,
      sentence: `${name} weights are released in ${quant}.`,
    },
    {
      ...base,
      field: "memory_footprint",
      valueText: `${gb} GB`,
      valueNum: gb,
      unit: "GB",
      sentence: `In ${quant} the weights of ${name} take ${gb} GB.`,
    },
    {
      ...base,
      field: "release_date",
      valueText: day,
      valueDate: day,
      sentence: `${name} was released on ${day}.`,
    },
  ];
  if (active !== null)
    out.push({
      ...base,
      field: "active_params",
      valueText: `${active}B`,
      valueNum: active * 1e9,
      unit: "params",
      sentence: `${name} activates ${active}B parameters per token.`,
    });
  for (const [label, lo, hi] of [
    ["MMLU", 40, 90],
    ["MMLU-Pro", 20, 80],
    ["GPQA Diamond", 20, 75],
  ] as const) {
    const s = score(lo, hi);
    out.push({
      ...base,
      field: "benchmark",
      label,
      settings: "5-shot",
      valueText: String(s),
      valueNum: s,
      sentence: `${name} scores ${s} on ${label} (5-shot).`,
    });
  }
  // A press figure that disagrees, ranked below the publisher's, as real sources do.
  const off = size * (0.9 + r() * 0.2);
  const rounded = size < 10 ? Math.round(off * 10) / 10 : Math.round(off);
  out.push({
    ...base,
    provenance: "third_party",
    rank: "normal",
    field: "total_params",
    qualifier: "approx",
    valueText: `roughly ${rounded} billion`,
    valueNum: rounded * 1e9,
    unit: "params",
    sentence: `Reports put ${name} at roughly ${rounded} billion parameters.`,
  });
  // Other parties measure differently: a 0-shot score beside the 5-shot one, never compared.
  const zeroShot = score(30, 85);
  out.push({
    ...base,
    provenance: "third_party",
    field: "benchmark",
    label: "MMLU",
    settings: "0-shot, independent evaluation",
    valueText: String(zeroShot),
    valueNum: zeroShot,
    sentence: `An independent evaluation measured ${name} at ${zeroShot} on MMLU (0-shot).`,
  });
  out.push({
    ...base,
    provenance: "third_party",
    rank: "normal",
    field: "context_window",
    qualifier: "at_most",
    valueText: `up to ${ctx} tokens`,
    valueNum: ctx,
    unit: "tokens",
    sentence: `Hosted versions of ${name} accept up to ${ctx} tokens.`,
  });
  out.push({
    ...base,
    provenance: "third_party",
    rank: "normal",
    field: "release_date",
    valueText: day,
    valueDate: day,
    sentence: `Coverage dates the release of ${name} to ${day}.`,
  });
  // A forecast stays a forecast: never preferred, never a cell.
  out.push({
    ...base,
    provenance: "forecast",
    rank: "normal",
    field: "other",
    label: "successor size",
    valueText: `${size * 2}B`,
    sentence: `A successor to ${name} is expected at ${size * 2}B parameters.`,
  });
  return out;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Adds `count` synthetic models (in families of ~20, each family with a licence claim its members
 * inherit) to the database, logs a create revision for every row, and rebuilds the read model.
 */
export async function addSyntheticCatalog(db: Db, count: number, seed = 7) {
  const r = random(seed);
  const familyCount = Math.max(1, Math.ceil(count / 20));
  return db.transaction(async (tx) => {
    const log: (typeof revisions.$inferInsert)[] = [];
    const created = (entityType: "source" | "model" | "claim", id: number) =>
      log.push({
        entityType,
        entityId: id,
        revision: 1,
        action: "create",
        after: { id, synthetic: true },
        authorName: SYNTHETIC_AUTHOR,
      });

    const families = await tx
      .insert(models)
      .values(
        Array.from({ length: familyCount }, (_, i) => ({
          slug: `synthetic-family-${pad(i + 1)}`,
          name: `Synthetic Family ${pad(i + 1)}`,
          kind: "family" as const,
          developer: `Synthetic Lab ${(i % 40) + 1}`,
          description: "Synthetic benchmark family: not a real model.",
        })),
      )
      .returning({ id: models.id, developer: models.developer });
    for (const f of families) created("model", f.id);

    const members: { id: number; name: string; familyIndex: number }[] = [];
    for (const batch of chunks(
      Array.from({ length: count }, (_, i) => i),
      1000,
    )) {
      const rows = await tx
        .insert(models)
        .values(
          batch.map((i) => {
            const fi = i % familyCount;
            return {
              slug: `synthetic-${pad(i + 1)}`,
              name: `Synthetic ${pad(i + 1)}`,
              kind: "model" as const,
              familyId: families[fi]?.id,
              developer: families[fi]?.developer ?? "Synthetic Lab",
              description: "Synthetic benchmark model: not a real model.",
            };
          }),
        )
        .returning({ id: models.id, name: models.name });
      rows.forEach((row, k) => {
        members.push({
          id: row.id,
          name: row.name,
          familyIndex: (batch[k] as number) % familyCount,
        });
        created("model", row.id);
      });
    }

    // One source per model and per family; the claims quote its sentences at their offsets.
    const owners = [
      ...families.map((f, i) => ({
        id: f.id,
        name: `Synthetic Family ${pad(i + 1)}`,
        drafts: [
          {
            field: "license" as const,
            qualifier: "exact" as const,
            provenance: "publisher" as const,
            rank: "preferred" as const,
            valueText: LICENSES[i % LICENSES.length] as string,
            sentence: `Every Synthetic Family ${pad(i + 1)} model is released under the ${LICENSES[i % LICENSES.length]} license.`,
          },
        ],
      })),
      ...members.map((m) => ({ id: m.id, name: m.name, drafts: claimsFor(m.name, r) })),
    ];
    for (const batch of chunks(owners, 500)) {
      const texts = batch.map((o) => {
        const header = `SYNTHETIC SOURCE generated for benchmarks. ${o.name} is not a real model.\n\n`;
        const starts: number[] = [];
        let text = header;
        for (const d of o.drafts) {
          starts.push(text.length);
          text += `${d.sentence}\n`;
        }
        return { text, starts };
      });
      const inserted = await tx
        .insert(sources)
        .values(
          batch.map((o, k) => ({
            slug: `synthetic-source-${o.id}`,
            title: `Synthetic source for ${o.name} (benchmark data, not real)`,
            publisher: PUBLISHER,
            kind: "docs" as const,
            tier: "primary" as const,
            note: "Generated by tests/bench/synthetic.ts for scale benchmarks.",
            text: texts[k]?.text ?? "",
          })),
        )
        .returning({ id: sources.id });
      for (const s of inserted) created("source", s.id);
      // The sentences are ASCII, so UTF-16 offsets are code-point offsets.
      const rows: NewClaim[] = batch.flatMap((o, k) =>
        o.drafts.map(({ sentence, ...d }, j) => {
          const start = texts[k]?.starts[j] ?? 0;
          return {
            ...d,
            modelId: o.id,
            sourceId: inserted[k]?.id as number,
            quote: sentence,
            quoteStart: start,
            quoteEnd: start + sentence.length,
            authorName: SYNTHETIC_AUTHOR,
          };
        }),
      );
      for (const c of chunks(rows, 1000)) {
        const ids = await tx.insert(claims).values(c).returning({ id: claims.id });
        for (const x of ids) created("claim", x.id);
      }
    }
    for (const batch of chunks(log, 2000)) await tx.insert(revisions).values(batch);
    const built = await rebuildCatalogRows(tx);
    await tx.execute(sql`analyze`);
    return {
      families: families.length,
      models: members.length,
      claims: log.filter((l) => l.entityType === "claim").length,
      catalogRows: built.rows,
    };
  });
}
