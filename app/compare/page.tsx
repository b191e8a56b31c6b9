import type { Metadata } from "next";
import { CompareTable } from "@/components/compare-table";
import { NoticeList } from "@/components/notice-list";
import { MAX_COMPARE, parseCompareSlugs } from "@/db/domain/compare-query";
import { loadCatalog } from "@/db/queries/catalog";

export const metadata: Metadata = { title: "Compare" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const select =
  "rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-600 dark:bg-zinc-900";

export default async function ComparePage({ searchParams }: { searchParams: SearchParams }) {
  const { slugs, ignored } = parseCompareSlugs((await searchParams).models);
  const { rows } = await loadCatalog();
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  const chosen = slugs.map((s) => bySlug.get(s)).filter((r) => r !== undefined);
  const unknown = slugs
    .filter((s) => !bySlug.has(s))
    .map((s) => `${s}: no such model in the catalog`);
  const notes = [...ignored, ...unknown];
  const pickers = Array.from({ length: MAX_COMPARE }, (_, i) => chosen[i]?.slug ?? "");

  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-semibold tracking-tight">Compare models</h1>
      <form
        action="/compare"
        method="get"
        className="flex flex-wrap items-end gap-3"
        aria-label="Choose models"
      >
        {pickers.map((value, i) => (
          <label key={i} className="flex flex-col gap-1 text-xs font-medium">
            Model {i + 1}
            <select name="models" defaultValue={value} className={select}>
              <option value="">—</option>
              {rows.map((r) => (
                <option key={r.slug} value={r.slug}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button
          type="submit"
          className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white"
        >
          Compare
        </button>
      </form>
      <NoticeList notes={notes} />
      {chosen.length >= 2 ? (
        <CompareTable rows={chosen} />
      ) : (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          Pick two to four models above, or tick them in the <a href="/">catalog</a>.
        </p>
      )}
    </div>
  );
}
