import { parseCatalogQuery } from "@/db/domain/catalog-query";
import { toCsv } from "@/db/domain/csv";
import { loadOpenData } from "@/db/queries/open-data";

const HEADER = [
  "model_slug",
  "model_name",
  "claim_id",
  "field",
  "label",
  "settings",
  "value",
  "value_num",
  "unit",
  "qualifier",
  "provenance",
  "rank",
  "quote",
  "source_title",
  "source_publisher",
  "source_date",
  "source_url",
  "stored_passage",
  "claim_page",
];

/** One row per claim, with its quote and source, for the same filters as the table. */
export async function GET(req: Request) {
  const url = new URL(req.url);
  const { query } = parseCatalogQuery(Object.fromEntries(url.searchParams));
  const { models } = await loadOpenData(query);
  const rows = models.flatMap((m) =>
    m.claims.map((c) => [
      m.slug,
      m.name,
      c.id,
      c.field,
      c.label,
      c.settings,
      c.value,
      c.valueNum,
      c.unit,
      c.qualifier,
      c.provenance,
      c.rank,
      c.quote,
      c.source.title,
      c.source.publisher,
      c.source.publishedOn,
      c.source.url,
      `${url.origin}${c.links.passage}`,
      `${url.origin}${c.links.claim}`,
    ]),
  );
  return new Response(toCsv(HEADER, rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="open-weights-ledger-claims.csv"',
    },
  });
}
