import { db } from "@/db";
import { parseCatalogQuery } from "@/db/domain/catalog-query";
import { csvLines } from "@/db/domain/csv";
import { eachOpenDataPage, type loadOpenData } from "@/db/queries/open-data";

const HEADER = [
  "model_slug",
  "model_name",
  "claim_id",
  "family_slug",
  "field",
  "label",
  "variant",
  "condition",
  "settings",
  "settings_quote",
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

/**
 * One row per claim, with its quote and source, for the same filters as the table (every page).
 * Streamed a page of models at a time, so a large catalog never sits in memory whole.
 */
export async function GET(req: Request) {
  const url = new URL(req.url);
  const { query } = parseCatalogQuery(Object.fromEntries(url.searchParams));
  const pages = eachOpenDataPage(db, query);
  const encoder = new TextEncoder();
  // The first page is read before answering, so a database failure is still a clean 500/503.
  const first = await pages.next();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvLines([HEADER])));
      if (!first.done)
        controller.enqueue(encoder.encode(csvLines(rowsOf(first.value, url.origin))));
    },
    async pull(controller) {
      const next = first.done ? first : await pages.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(csvLines(rowsOf(next.value, url.origin))));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="open-weights-ledger-claims.csv"',
    },
  });
}

type OpenModel = Awaited<ReturnType<typeof loadOpenData>>["models"][number];

function rowsOf(models: OpenModel[], origin: string) {
  return models.flatMap((m) =>
    m.claims.map((c) => [
      m.slug,
      m.name,
      c.id,
      c.family,
      c.field,
      c.label,
      c.variant,
      c.condition,
      c.settings,
      c.settingsQuote,
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
      `${origin}${c.links.passage}`,
      `${origin}${c.links.claim}`,
    ]),
  );
}
