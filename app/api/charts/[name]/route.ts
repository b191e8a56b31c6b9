import { safeJson } from "@/app/api/safe-json";
import { db } from "@/db";
import { parseCatalogQuery } from "@/db/domain/catalog-query";
import { toCsv } from "@/db/domain/csv";
import { loadCharts, parseChartOptions } from "@/db/queries/charts";

const NAMES = ["params", "context", "memory", "benchmarks", "release", "fit"] as const;

/** Exactly what each chart plots, as CSV, for the same filters as the page. */
export async function GET(req: Request, ctx: { params: Promise<{ name: string }> }) {
  const name = (await ctx.params).name.replace(/\.csv$/, "");
  if (!(NAMES as readonly string[]).includes(name)) {
    return safeJson(
      { error: `No chart “${name.slice(0, 40)}”. Charts: ${NAMES.join(", ")}.` },
      { status: 404 },
    );
  }
  const sp = Object.fromEntries(new URL(req.url).searchParams);
  const { query } = parseCatalogQuery(sp);
  const { opts } = parseChartOptions(sp);
  const c = await loadCharts(db, query, opts);
  let csv: string;
  switch (name) {
    case "params":
      csv = toCsv(
        [
          "model",
          "slug",
          "moe",
          "total_params",
          "total_text",
          "total_claim_id",
          "active_params",
          "active_text",
          "active_claim_id",
        ],
        c.params.points.map((p) => [
          p.model,
          p.slug,
          p.moe ? "yes" : "no",
          p.total,
          p.totalText,
          p.totalClaimId,
          p.active,
          p.activeText,
          p.activeClaimId,
        ]),
      );
      break;
    case "context":
    case "release":
      csv = toCsv(
        [
          "model",
          "slug",
          name === "context" ? "tokens" : "date_ms",
          "text",
          "provenance",
          "source",
          "claim_id",
        ],
        c[name].points.map((p) => [
          p.model,
          p.slug,
          p.value,
          p.text,
          p.provenance,
          p.source,
          p.claimId,
        ]),
      );
      break;
    case "memory":
      csv = toCsv(
        [
          "model",
          "slug",
          "kind",
          "label",
          "gb",
          "qualifier",
          "formula",
          "claim_id",
          "format_claim_id",
        ],
        c.memory.points.map((b) => [
          b.model,
          b.slug,
          b.kind,
          b.label,
          b.gb,
          b.qualifier,
          b.formula,
          b.claimId,
          b.formatClaimId,
        ]),
      );
      break;
    case "benchmarks":
      csv = toCsv(
        [
          "benchmark",
          "settings",
          "model",
          "slug",
          "score",
          "unit",
          "provenance",
          "source",
          "claim_id",
        ],
        c.benchmarks.flatMap((g) =>
          g.points.map((p) => [
            g.label,
            g.settings,
            p.model,
            p.slug,
            p.value,
            p.unit,
            p.provenance,
            p.source,
            p.claimId,
          ]),
        ),
      );
      break;
    default:
      csv = toCsv(
        [
          "model",
          "slug",
          "params",
          "total_gb",
          "weights_gb",
          "cache_gb",
          "fits",
          "limit_gb",
          "format",
          "context",
          "formula",
          "params_claim_id",
        ],
        c.fit.points.map((p) => [
          p.model,
          p.slug,
          p.params,
          p.gb,
          p.weightsGb,
          p.cacheGb,
          p.fits ? "yes" : "no",
          opts.gb,
          opts.format,
          opts.context,
          p.formula,
          p.paramsClaimId,
        ]),
      );
  }
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="chart-${name}.csv"`,
    },
  });
}
