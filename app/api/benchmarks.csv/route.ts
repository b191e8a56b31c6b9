import { db } from "@/db";
import { buildMatrix, parseBenchmarkQuery } from "@/db/domain/benchmarks";
import { toCsv } from "@/db/domain/csv";
import { listBenchmarkClaims } from "@/db/queries/benchmarks";

/**
 * The benchmarks matrix as the page shows it (same filters), one row per model checkpoint; each
 * score is followed by its claim's address, where its quote and source are.
 */
export async function GET(req: Request) {
  const url = new URL(req.url);
  const q = parseBenchmarkQuery(Object.fromEntries(url.searchParams));
  const m = buildMatrix(await listBenchmarkClaims(db), {
    family: q.family,
    minModels: q.min,
    sort: q.sort,
    dir: q.dir,
  });
  const header = [
    "model_slug",
    "model_name",
    "variant",
    ...m.columns.flatMap((c) => {
      const name = c.settings ? `${c.label} (${c.settings})` : c.label;
      return [name, `${name} claim`];
    }),
  ];
  const rows = m.rows.map((r) => [
    r.model,
    r.modelName,
    r.variant,
    ...m.columns.flatMap((c) => {
      const cell = r.cells[c.key];
      // Site-relative, as the models CSV links its claims.
      return cell ? [cell.valueText, `/claims/${cell.id}`] : [null, null];
    }),
  ]);
  return new Response(toCsv(header, rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="benchmarks.csv"',
    },
  });
}
