import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CatalogFilters } from "@/components/catalog-filters";
import { CatalogTable } from "@/components/catalog-table";
import { formatDateTime } from "@/components/format";
import { NoticeList } from "@/components/notice-list";
import { Pagination } from "@/components/pagination";
import { db } from "@/db";
import { toTableRow } from "@/db/domain/catalog";
import { catalogQueryToParams, FIT_DEFAULTS, parseCatalogQuery } from "@/db/domain/catalog-query";
import { getLastUpdated, loadFilterOptions, queryCatalog } from "@/db/queries/catalog";

export const metadata: Metadata = { title: "Catalog" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CatalogPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const { query, ignored } = parseCatalogQuery(raw);
  // A no-JS form submission spells hidden columns as ticked boxes; canonicalise to a short link.
  if (raw.cols !== undefined) redirect(`/?${catalogQueryToParams(query).toString()}`);

  // Independent reads, in parallel: the page costs the slowest, not the sum.
  const [result, options, lastUpdated] = await Promise.all([
    queryCatalog(db, query),
    loadFilterOptions(db, query.provenance),
    getLastUpdated(db),
  ]);
  const { rows: shown, total, matched, excludedUnknown, page, pageCount, perPage } = result;
  const notes = [...ignored];
  if (query.page !== null && query.page > pageCount)
    notes.push(`page=${query.page} is past the last page: showing page ${pageCount}.`);
  const params = catalogQueryToParams(query);
  params.delete("page");
  // A new sort starts again at page 1; paging keeps the sort and filters.
  const withoutSort = new URLSearchParams(params);
  withoutSort.delete("sort");
  const pageHref = (n: number) => {
    const p = new URLSearchParams(params);
    if (n > 1) p.set("page", String(n));
    return p.size ? `/?${p.toString()}` : "/";
  };
  const exportQuery = params.size ? `?${params.toString()}` : "";
  const first = (page - 1) * perPage + 1;

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">
            Open-weight models, every value cited
          </h1>
          <p className="mt-1 max-w-3xl text-sm text-zinc-700 dark:text-zinc-300">
            Each value comes with the exact passage of the model card, README, license or article
            that states it. Where sources disagree, both are kept and ranked.
          </p>
        </div>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Last updated{" "}
          <time dateTime={lastUpdated?.toISOString()}>{formatDateTime(lastUpdated)}</time>
        </p>
      </div>

      <CatalogFilters query={query} options={options} />

      <NoticeList notes={notes} title="Some parameters in the address were not understood:" />

      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p aria-live="polite">
          {matched > shown.length ? (
            <>
              Showing <strong>{first.toLocaleString("en")}</strong>–
              <strong>{(first + shown.length - 1).toLocaleString("en")}</strong> of{" "}
              <strong>{matched.toLocaleString("en")}</strong> matching ({total.toLocaleString("en")}{" "}
              in the catalog)
            </>
          ) : (
            <>
              Showing <strong>{matched.toLocaleString("en")}</strong> of{" "}
              {total.toLocaleString("en")} models
            </>
          )}
          {excludedUnknown > 0 ? (
            <span className="text-zinc-600 dark:text-zinc-400">
              {" "}
              ({excludedUnknown} left out because a filtered value is not stated in sources)
            </span>
          ) : null}
          {query.fitsGb !== null ? (
            <span className="block text-zinc-600 dark:text-zinc-400">
              “Fits in {query.fitsGb} GB”: estimated weights (
              {query.fitsFormat ?? FIT_DEFAULTS.format}) + key/value cache for{" "}
              {(query.fitsContext ?? FIT_DEFAULTS.context).toLocaleString("en")} tokens (16-bit, one
              sequence) + overhead, from cited architecture; each model's memory page shows the
              formula.
            </span>
          ) : null}
        </p>
        <p className="flex gap-3">
          <a href={`/api/models${exportQuery}`}>Download JSON</a>
          <a href={`/api/models.csv${exportQuery}`}>Download CSV</a>
        </p>
      </div>

      {shown.length > 0 ? (
        // Dimmed while a sort or page link's navigation is pending (PendingHint marks it).
        <div className="space-y-3 transition-opacity has-[[data-pending]]:opacity-60">
          <CatalogTable
            rows={shown.map(toTableRow)}
            sort={query.sort}
            hidden={query.hidden}
            baseParams={withoutSort.toString()}
          />
          <Pagination page={page} pageCount={pageCount} href={pageHref} label="Catalog pages" />
        </div>
      ) : (
        <p className="rounded border border-zinc-200 p-6 text-center text-sm dark:border-zinc-800">
          No model matches these filters. <a href="/">Reset the filters</a>.
        </p>
      )}
    </div>
  );
}
