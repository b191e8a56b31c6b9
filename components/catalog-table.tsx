"use client";

import {
  type ColumnDef,
  columnVisibilityFeature,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import {
  type Cell,
  COLUMN_KEYS,
  COLUMN_LABELS,
  type ColumnKey,
  NUMERIC_COLUMNS,
  type TableRow,
} from "@/db/domain/catalog";
import { CitationProvider, CiteLink } from "./citation-dialog";
import {
  agreementText,
  PROVENANCE_LABELS,
  QUALIFIER_PREFIX,
  UNKNOWN,
  variantLabel,
} from "./format";
import { PendingHint } from "./pending-hint";

/*
 * Sorting, filtering and paging happen in the database (db/queries/catalog.ts), so the catalog
 * scales past what one page could sort; the table keeps the sort state for its headers only
 * (manualSorting) and has no sorted row model to ship.
 */
const features = tableFeatures({ rowSortingFeature, columnVisibilityFeature });

type Row = TableRow;

// Cells use the component classes in globals.css: one short class instead of the same dozen
// utilities repeated in every one of a page's ~550 cells (it halved the page's HTML).
function ValueCell({ row, column, cell }: { row: Row; column: ColumnKey; cell: Cell | undefined }) {
  if (!cell) return <span className="cell-unknown">{UNKNOWN}</span>;
  const prefix =
    NUMERIC_COLUMNS.has(column) && cell.num !== null ? QUALIFIER_PREFIX[cell.qualifier] : "";
  return (
    <div className="cell">
      <span className="cell-main">
        <span className="cell-value" title={cell.text}>
          {prefix && <span aria-hidden="true">{prefix}</span>}
          {cell.text}
        </span>
        <CiteLink
          claimId={cell.claimId}
          label={`source for ${row.name} ${COLUMN_LABELS[column]}: ${cell.sourceTitle}`}
          className="cite-marker"
          compact
        />
      </span>
      {cell.variant ? <span className="cell-note">{variantLabel(cell.variant)}</span> : null}
      {cell.condition === "extended" ? (
        <span className="cell-note">extended (rope scaling)</span>
      ) : null}
      {cell.settings ? <span className="cell-note">{cell.settings}</span> : null}
      {cell.extended ? (
        <span className="cell-note">
          extended: {cell.extended.text}
          {cell.extended.settings && !cell.extended.text.includes(cell.extended.settings)
            ? ` (${cell.extended.settings})`
            : ""}{" "}
          <CiteLink
            claimId={cell.extended.claimId}
            label={`source for ${row.name} extended ${COLUMN_LABELS[column]}`}
            className="cite-marker"
            compact
          />
        </span>
      ) : null}
      {cell.differs ? (
        <span className="cell-warn">{agreementText(cell)}</span>
      ) : cell.count > 1 ? (
        <span className="cell-note">{agreementText(cell)}</span>
      ) : null}
      {cell.viaFamily ? (
        <span className="cell-note">family value: {cell.viaFamily.name}</span>
      ) : null}
      {cell.provenance !== "publisher" ? (
        <span className="cell-note">{PROVENANCE_LABELS[cell.provenance]}</span>
      ) : null}
    </div>
  );
}

export type CatalogTableProps = {
  rows: Row[];
  sort: { column: ColumnKey | "name"; desc: boolean } | null;
  hidden: ColumnKey[];
  /** The current URL parameters without sort, so sort links keep the filters. */
  baseParams: string;
};

function sortHref(baseParams: string, column: string, desc: boolean) {
  const p = new URLSearchParams(baseParams);
  p.set("sort", `${column}.${desc ? "desc" : "asc"}`);
  return `/?${p.toString()}`;
}

/*
 * Links in the table do not prefetch: a page has ~40 of them, and prefetching each is a server
 * render per link per reader view (measured: 47 requests for one catalog view, competing with
 * the page's own hydration). A click fetches on demand and shows the pending state.
 */
export function CatalogTable({ rows, sort, hidden, baseParams }: CatalogTableProps) {
  const columns = useMemo<ColumnDef<typeof features, Row, unknown>[]>(
    () => [
      { id: "name", header: "Model", accessorFn: (r) => r.name, enableHiding: false },
      ...COLUMN_KEYS.map(
        (key): ColumnDef<typeof features, Row, unknown> => ({
          id: key,
          header: COLUMN_LABELS[key],
          accessorFn: (r) => r.cells[key]?.num ?? r.cells[key]?.text,
        }),
      ),
    ],
    [],
  );
  const sorting = useMemo<SortingState>(
    () => (sort ? [{ id: sort.column, desc: sort.desc }] : []),
    [sort],
  );
  const columnVisibility = useMemo(
    () => Object.fromEntries(hidden.map((k) => [k, false])),
    [hidden],
  );

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (r) => r.slug,
    state: { sorting, columnVisibility },
    manualSorting: true,
    // State lives in the URL: header links change it, the server re-renders with the new view.
    onSortingChange: () => {},
    onColumnVisibilityChange: () => {},
  });

  return (
    <CitationProvider>
      <form action="/compare" method="get" aria-label="Choose models to compare">
        <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">
              Open-weight models with their cited values. Each “cite” link opens the source passage.
            </caption>
            <thead className="bg-zinc-50 text-left dark:bg-zinc-900">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  <th scope="col" className="w-10 px-2 py-2">
                    <span className="sr-only">Select to compare</span>
                  </th>
                  {group.headers.map((header) => {
                    const id = header.column.id;
                    const current =
                      sort?.column === id ? (sort.desc ? "descending" : "ascending") : "none";
                    const nextDesc =
                      sort?.column === id ? !sort.desc : NUMERIC_COLUMNS.has(id as ColumnKey);
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        aria-sort={current}
                        className={`px-3 py-2 align-bottom font-semibold whitespace-nowrap ${id === "name" ? "sticky left-0 z-10 bg-zinc-50 dark:bg-zinc-900" : ""}`}
                      >
                        <Link
                          href={sortHref(baseParams, id, nextDesc)}
                          prefetch={false}
                          scroll={false}
                          className="inline-flex items-center gap-1 no-underline hover:underline"
                        >
                          <table.FlexRender header={header} />
                          <PendingHint />
                          <span aria-hidden="true" className="text-xs text-zinc-500">
                            {current === "ascending" ? "▲" : current === "descending" ? "▼" : "↕"}
                          </span>
                          <span className="sr-only">
                            {current === "none" ? ", sort" : `, sorted ${current}; reverse`}
                          </span>
                        </Link>
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {table.getRowModel().rows.map((row) => (
                <tr
                  key={row.id}
                  className="border-t border-zinc-200 align-top dark:border-zinc-800"
                >
                  <td className="px-2 py-2">
                    <input
                      type="checkbox"
                      name="models"
                      value={row.original.slug}
                      aria-label={`Compare ${row.original.name}`}
                      className="size-4"
                    />
                  </td>
                  {row.getVisibleCells().map((cell) => {
                    const id = cell.column.id;
                    if (id === "name") {
                      const r = row.original;
                      return (
                        <th
                          key={cell.id}
                          scope="row"
                          className="sticky left-0 z-10 min-w-40 bg-white px-3 py-2 text-left font-normal dark:bg-zinc-950"
                        >
                          <Link
                            href={`/models/${r.slug}`}
                            prefetch={false}
                            className="font-semibold"
                          >
                            {r.name}
                          </Link>
                          {r.status === "announced" ? (
                            <span className="ml-1 rounded border border-amber-600 px-1 text-xs text-amber-800 dark:border-amber-500 dark:text-amber-300">
                              announced
                            </span>
                          ) : null}
                          <div className="text-xs text-zinc-600 dark:text-zinc-400">
                            {r.developer}
                            {r.family ? ` · ${r.family.name}` : ""}
                          </div>
                        </th>
                      );
                    }
                    return (
                      <td key={cell.id} className="cell-td">
                        <ValueCell
                          row={row.original}
                          column={id as ColumnKey}
                          cell={row.original.cells[id as ColumnKey]}
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="mt-3 flex items-center gap-3">
          <button
            type="submit"
            className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800"
          >
            Compare selected
          </button>
          <span className="text-xs text-zinc-600 dark:text-zinc-400">Tick 2 to 4 models.</span>
        </div>
      </form>
    </CitationProvider>
  );
}
