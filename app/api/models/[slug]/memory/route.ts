import { safeJson } from "@/app/api/safe-json";
import { db } from "@/db";
import { estimateMemory } from "@/db/domain/memory";
import { MEMORY_PARAMS, parseMemoryQuery } from "@/db/domain/memory-query";
import { getMemoryData } from "@/db/queries/memory";

/**
 * GET /api/models/<slug>/memory?context=&format=&batch=&kvFormat=&sliding= — the estimate the
 * memory page shows, as JSON: bytes per part, the formula with its numbers, and every input with
 * the claim it comes from. 400 names a bad parameter; 422 names the inputs no source states.
 */
export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  const url = new URL(req.url);
  const unknown = [...url.searchParams.keys()].filter(
    (k) => !(MEMORY_PARAMS as readonly string[]).includes(k),
  );
  if (unknown.length > 0)
    return safeJson(
      {
        error: `Unknown parameter ${unknown[0]}: use ${MEMORY_PARAMS.filter((p) => p !== "budget").join(", ")}.`,
        parameter: unknown[0],
      },
      { status: 400 },
    );
  const { query, errors } = parseMemoryQuery(Object.fromEntries(url.searchParams));
  const [error] = errors;
  if (error) return safeJson({ error: error.message, parameter: error.param }, { status: 400 });
  const data = await getMemoryData(db, slug);
  if (!data) return safeJson({ error: `No model “${slug}”.` }, { status: 404 });
  const { budget: _, ...options } = query;
  const estimate = estimateMemory(data.inputs, options);
  if (!estimate.ok)
    return safeJson(
      {
        error: `${data.model.name}: no source states ${estimate.missing.join("; ")}.`,
        missing: estimate.missing,
      },
      { status: 422 },
    );
  return safeJson({
    model: { slug: data.model.slug, name: data.model.name },
    context: options.context,
    format: options.format,
    kvFormat: options.kvFormat,
    batch: options.batch,
    sliding: options.slidingCache,
    weightsBytes: Math.round(estimate.weightsBytes),
    kvCacheBytes: Math.round(estimate.kvCacheBytes),
    overheadBytes: Math.round(estimate.overheadBytes),
    totalBytes: Math.round(estimate.totalBytes),
    formula: estimate.formula.map((t) => ({
      part: t.what,
      formula: t.formula,
      bytes: Math.round(t.bytes),
    })),
    inputs: estimate.inputs.map((i) => ({
      field: i.field,
      value: i.value,
      text: i.text,
      claimId: i.claimId,
      variant: i.variant,
      inheritedFrom: i.inheritedFrom,
    })),
    notes: estimate.notes,
  });
}
