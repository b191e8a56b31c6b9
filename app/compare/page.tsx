import type { Metadata } from "next";
import { CompareTable } from "@/components/compare-table";
import { NoticeList } from "@/components/notice-list";
import { db } from "@/db";
import { MAX_COMPARE, parseCompareSlugs } from "@/db/domain/compare-query";
import { LENGTHS } from "@/db/domain/rules";
import { getCatalogRowsBySlugs, listModelChoices } from "@/db/queries/catalog";

export const metadata: Metadata = { title: "Compare" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Above this many models the pickers take a model id instead of listing every model. */
const MAX_PICKER_CHOICES = 200;

const select =
  "rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-600 dark:bg-zinc-900";

/** A select of every model, or a model id box when there are too many to list. */
function ModelPicker({
  id,
  value,
  choices,
}: {
  id: string;
  value: string;
  choices: { slug: string; name: string }[] | null;
}) {
  if (!choices)
    return (
      <input
        id={id}
        name="models"
        defaultValue={value}
        placeholder="model id, e.g. gpt-oss-120b"
        className={select}
        maxLength={LENGTHS.slug}
      />
    );
  return (
    <select id={id} name="models" defaultValue={value} className={select}>
      <option value="">—</option>
      {choices.map((r) => (
        <option key={r.slug} value={r.slug}>
          {r.name}
        </option>
      ))}
    </select>
  );
}

export default async function ComparePage({ searchParams }: { searchParams: SearchParams }) {
  const { slugs, ignored } = parseCompareSlugs((await searchParams).models);
  const [chosen, choices] = await Promise.all([
    getCatalogRowsBySlugs(db, slugs),
    listModelChoices(db, MAX_PICKER_CHOICES),
  ]);
  const found = new Set(chosen.map((r) => r.slug));
  const unknown = slugs
    .filter((s) => !found.has(s))
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
          <div key={i} className="flex flex-col gap-1 text-xs font-medium">
            <label htmlFor={`compare-model-${i}`}>Model {i + 1}</label>
            <ModelPicker id={`compare-model-${i}`} value={value} choices={choices} />
          </div>
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
