import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CatalogFilters } from "@/components/catalog-filters";
import { CatalogTable } from "@/components/catalog-table";
import { formatDateTime } from "@/components/format";
import { NoticeList } from "@/components/notice-list";
import {
  catalogQueryToParams,
  filterCatalog,
  filterOptions,
  parseCatalogQuery,
} from "@/db/domain/catalog-query";
import { loadCatalog } from "@/db/queries/catalog";

export const metadata: Metadata = { title: "Catalog" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CatalogPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const { query, ignored } = parseCatalogQuery(raw);
  // A no-JS form submission spells hidden columns as ticked boxes; canonicalise to a short link.
  if (raw.cols !== undefined) redirect(`/?${catalogQueryToParams(query).toString()}`);

  const { rows, models, lastUpdated } = await loadCatalog(undefined, {
    provenance: query.provenance,
  });
  const { rows: shown, excludedUnknown } = filterCatalog(rows, query);
  const params = catalogQueryToParams(query);
  const withoutSort = new URLSearchParams(params);
  withoutSort.delete("sort");
  const exportQuery = params.toString() ? `?${params.toString()}` : "";

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

      <CatalogFilters query={query} options={filterOptions(rows, models)} />

      <NoticeList notes={ignored} title="Some parameters in the address were not understood:" />

      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p aria-live="polite">
          Showing <strong>{shown.length}</strong> of {rows.length} models
          {excludedUnknown > 0 ? (
            <span className="text-zinc-600 dark:text-zinc-400">
              {" "}
              ({excludedUnknown} left out because a filtered value is not stated in sources)
            </span>
          ) : null}
        </p>
        <p className="flex gap-3">
          <a href={`/api/models${exportQuery}`}>Download JSON</a>
          <a href={`/api/models.csv${exportQuery}`}>Download CSV</a>
        </p>
      </div>

      {shown.length > 0 ? (
        <CatalogTable
          rows={shown}
          sort={query.sort}
          hidden={query.hidden}
          baseParams={withoutSort.toString()}
        />
      ) : (
        <p className="rounded border border-zinc-200 p-6 text-center text-sm dark:border-zinc-800">
          No model matches these filters. <a href="/">Reset the filters</a>.
        </p>
      )}
    </div>
  );
}
