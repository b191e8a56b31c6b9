import { safeJson } from "@/app/api/safe-json";
import { db } from "@/db";
import { catalogQueryToParams, parseCatalogQuery } from "@/db/domain/catalog-query";
import { loadOpenData } from "@/db/queries/open-data";

const DEFAULT_PER_PAGE = 100;
const MAX_PER_PAGE = 1000;

/**
 * The filtered catalog as JSON, a page at a time: each model, its chosen values and all its cited
 * claims. `page` and `perPage` (≤ 1000) page it; `links.next` is the following page, if any.
 */
export async function GET(req: Request) {
  const url = new URL(req.url);
  const raw = Object.fromEntries(url.searchParams);
  const { query, ignored } = parseCatalogQuery(raw);
  let perPage = DEFAULT_PER_PAGE;
  if (raw.perPage !== undefined) {
    const n = /^\d{1,4}$/.test(raw.perPage) ? Number(raw.perPage) : Number.NaN;
    if (n >= 1 && n <= MAX_PER_PAGE) perPage = n;
    else
      ignored.push(
        `perPage=“${raw.perPage.slice(0, 40)}” was ignored: use a whole number from 1 to ${MAX_PER_PAGE}`,
      );
  }
  const data = await loadOpenData(db, query, perPage);
  if (query.page !== null && query.page > data.pageCount)
    ignored.push(`page=${query.page} is past the last page: showing page ${data.pageCount}`);
  const params = catalogQueryToParams({ ...query, page: null });
  const link = (page: number) => {
    const p = new URLSearchParams(params);
    if (page > 1) p.set("page", String(page));
    if (perPage !== DEFAULT_PER_PAGE) p.set("perPage", String(perPage));
    return `/api/models${p.size ? `?${p}` : ""}`;
  };
  return safeJson({
    query: Object.fromEntries(params),
    ignored,
    lastUpdated: data.lastUpdated,
    /** Models matching the filters, over all pages. */
    total: data.total,
    page: data.page,
    perPage: data.perPage,
    pageCount: data.pageCount,
    links: {
      self: link(data.page),
      next: data.page < data.pageCount ? link(data.page + 1) : null,
      prev: data.page > 1 ? link(data.page - 1) : null,
    },
    /** Models on this page. */
    count: data.models.length,
    models: data.models,
  });
}
