"use client";

import Link from "next/link";
import { type CatalogRow, COLUMN_KEYS, COLUMN_LABELS, NUMERIC_COLUMNS } from "@/db/domain/catalog";
import { CitationProvider, CiteLink } from "./citation-dialog";
import { agreementText, QUALIFIER_PREFIX, UNKNOWN, variantLabel } from "./format";

function comparable(row: CatalogRow, key: (typeof COLUMN_KEYS)[number]): string | null {
  const cell = row.cells[key];
  if (!cell) return null;
  return cell.num !== null ? String(cell.num) : cell.text.trim().toLowerCase();
}

/** Models side by side; rows whose stated values differ are marked in words, not only colour. */
export function CompareTable({ rows }: { rows: CatalogRow[] }) {
  return (
    <CitationProvider>
      <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
        <table className="w-full text-sm">
          <caption className="sr-only">
            Side-by-side comparison; rows marked “differs” have different values.
          </caption>
          <thead className="bg-zinc-50 text-left dark:bg-zinc-900">
            <tr>
              <th scope="col" className="px-3 py-2">
                Value
              </th>
              {rows.map((r) => (
                <th key={r.slug} scope="col" className="min-w-48 px-3 py-2">
                  <Link href={`/models/${r.slug}`}>{r.name}</Link>
                  <div className="text-xs font-normal text-zinc-600 dark:text-zinc-400">
                    {r.developer}
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {COLUMN_KEYS.map((key) => {
              const values = rows.map((r) => comparable(r, key));
              const known = values.filter((v): v is string => v !== null);
              const differs =
                new Set(known).size > 1 || (known.length > 0 && known.length < values.length);
              return (
                <tr
                  key={key}
                  className={`border-t border-zinc-200 align-top dark:border-zinc-800 ${differs ? "bg-amber-50/60 dark:bg-amber-950/30" : ""}`}
                >
                  <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap">
                    {COLUMN_LABELS[key]}
                    {differs ? (
                      <span className="ml-2 text-xs font-semibold text-amber-800 dark:text-amber-300">
                        ≠ differs
                      </span>
                    ) : null}
                  </th>
                  {rows.map((r) => {
                    const cell = r.cells[key];
                    return (
                      <td key={r.slug} className="px-3 py-2">
                        {cell ? (
                          <span className="flex items-start gap-1">
                            <span>
                              {NUMERIC_COLUMNS.has(key) && cell.num !== null ? (
                                <span aria-hidden="true">{QUALIFIER_PREFIX[cell.qualifier]}</span>
                              ) : null}
                              {cell.text}
                              {cell.condition === "extended" ? (
                                <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                                  extended (rope scaling)
                                </span>
                              ) : null}
                              {cell.variant ? (
                                <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                                  {variantLabel(cell.variant)}
                                </span>
                              ) : null}
                              {cell.settings ? (
                                <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                                  {cell.settings}
                                </span>
                              ) : null}
                              {cell.viaFamily ? (
                                <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                                  family value: {cell.viaFamily.name}
                                </span>
                              ) : null}
                              {cell.extended ? (
                                <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                                  extended: {cell.extended.text}
                                  {cell.extended.settings &&
                                  !cell.extended.text.includes(cell.extended.settings)
                                    ? ` (${cell.extended.settings})`
                                    : ""}
                                </span>
                              ) : null}
                              {cell.count > 1 || cell.differs ? (
                                <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                                  {agreementText(cell)}
                                </span>
                              ) : null}
                            </span>
                            <CiteLink
                              claimId={cell.claimId}
                              label={`source for ${r.name} ${COLUMN_LABELS[key]}: ${cell.sourceTitle}`}
                              className="cite-marker"
                            />
                          </span>
                        ) : (
                          <span className="text-xs italic text-zinc-500 dark:text-zinc-400">
                            {UNKNOWN}
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </CitationProvider>
  );
}
