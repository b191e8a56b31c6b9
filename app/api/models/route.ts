import { safeJson } from "@/app/api/safe-json";
import { catalogQueryToParams, parseCatalogQuery } from "@/db/domain/catalog-query";
import { loadOpenData } from "@/db/queries/open-data";

/** The filtered catalog as JSON: every model, its chosen values and all its cited claims. */
export async function GET(req: Request) {
  const { query, ignored } = parseCatalogQuery(Object.fromEntries(new URL(req.url).searchParams));
  const data = await loadOpenData(query);
  return safeJson({
    query: Object.fromEntries(catalogQueryToParams(query)),
    ignored,
    lastUpdated: data.lastUpdated,
    count: data.models.length,
    models: data.models,
  });
}
