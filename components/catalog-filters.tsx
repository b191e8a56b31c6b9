"use client";

import Form from "next/form";
import { useRef } from "react";
import { COLUMN_KEYS, COLUMN_LABELS, type ColumnKey } from "@/db/domain/catalog";
import { type CatalogQuery, FIT_DEFAULTS, RELEASED_WITHIN } from "@/db/domain/catalog-query";
import { WEIGHT_FORMAT_NAMES } from "@/db/domain/memory";
import { LENGTHS } from "@/db/domain/rules";

export type FilterOptions = {
  /** Every family, or null when there are too many to list (then the family id is typed). */
  families: { slug: string; name: string }[] | null;
  developers: string[];
  licenses: string[];
};

const input =
  "w-full rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-600 dark:bg-zinc-900";
const label = "flex flex-col gap-1 text-xs font-medium text-zinc-700 dark:text-zinc-300";

/**
 * A plain GET form: without JavaScript it reloads the page with the filters in the URL; with it,
 * next/form navigates client-side and selects apply as soon as they change.
 */
export function CatalogFilters({
  query,
  options,
  action = "/",
  keep = {},
}: {
  query: CatalogQuery;
  options: FilterOptions;
  /** The page the filters apply to (the catalog, or the charts). */
  action?: string;
  /** Other URL state of that page to carry through a submission. */
  keep?: Record<string, string>;
}) {
  const form = useRef<HTMLFormElement>(null);
  const submitOnChange = (e: React.ChangeEvent<HTMLElement>) => {
    if (
      e.target instanceof HTMLSelectElement ||
      (e.target instanceof HTMLInputElement && e.target.type === "checkbox")
    ) {
      form.current?.requestSubmit();
    }
  };
  const billions = (n: number | null) => (n === null ? "" : String(n / 1e9));
  return (
    <Form
      ref={form}
      action={action}
      scroll={false}
      onChange={submitOnChange}
      aria-label="Filter models"
      className="space-y-3"
    >
      {Object.entries(keep).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {query.sort ? (
        <input
          type="hidden"
          name="sort"
          value={`${query.sort.column}.${query.sort.desc ? "desc" : "asc"}`}
        />
      ) : null}
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <label className={`${label} col-span-2`}>
          Search
          <input
            type="search"
            name="q"
            defaultValue={query.q ?? ""}
            placeholder="name, developer, license…"
            className={input}
            maxLength={LENGTHS.searchText}
          />
        </label>
        {/* htmlFor: the control is one of two elements, which Biome cannot see through. */}
        <label className={label} htmlFor="filter-family">
          Family
          {options.families ? (
            <select
              id="filter-family"
              name="family"
              defaultValue={query.family ?? ""}
              className={input}
            >
              <option value="">All families</option>
              {options.families.map((f) => (
                <option key={f.slug} value={f.slug}>
                  {f.name}
                </option>
              ))}
            </select>
          ) : (
            <input
              id="filter-family"
              type="search"
              name="family"
              defaultValue={query.family ?? ""}
              placeholder="family id, e.g. llama-4"
              className={input}
              maxLength={LENGTHS.slug}
            />
          )}
        </label>
        <label className={label}>
          Developer
          <select name="developer" defaultValue={query.developer ?? ""} className={input}>
            <option value="">All developers</option>
            {options.developers.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </label>
        <label className={label}>
          License
          <select name="license" defaultValue={query.license ?? ""} className={input}>
            <option value="">All licenses</option>
            {options.licenses.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
        <label className={label}>
          Architecture
          <select name="arch" defaultValue={query.arch ?? ""} className={input}>
            <option value="">Any</option>
            <option value="moe">Mixture of experts (MoE)</option>
            <option value="dense">Dense</option>
          </select>
        </label>
        <label className={label}>
          Status
          <select name="status" defaultValue={query.status ?? ""} className={input}>
            <option value="">Released and announced</option>
            <option value="released">Released (weights published)</option>
            <option value="announced">Announced, not released</option>
          </select>
        </label>
        <label className={label}>
          Released
          <select name="releasedWithin" defaultValue={query.releasedWithin ?? ""} className={input}>
            <option value="">Any time</option>
            {RELEASED_WITHIN.map((n) => (
              <option key={n} value={n}>
                In the last {n} months
              </option>
            ))}
          </select>
        </label>
        <label className={label}>
          Values from
          <select name="provenance" defaultValue={query.provenance ?? ""} className={input}>
            <option value="">All sources</option>
            <option value="publisher">Publisher-reported only</option>
            <option value="third_party">Third-party only</option>
          </select>
        </label>
        <label className={label}>
          Min params (B)
          <input
            name="minParams"
            inputMode="decimal"
            defaultValue={billions(query.minParams)}
            className={input}
            placeholder="e.g. 7"
          />
        </label>
        <label className={label}>
          Max params (B)
          <input
            name="maxParams"
            inputMode="decimal"
            defaultValue={billions(query.maxParams)}
            className={input}
            placeholder="e.g. 70"
          />
        </label>
        <label className={label}>
          Min context (tokens)
          <input
            name="minContext"
            defaultValue={query.minContext ?? ""}
            className={input}
            placeholder="e.g. 128K"
          />
        </label>
        <label className={label}>
          Fits in (GB, estimated)
          <input
            name="fitsGb"
            inputMode="decimal"
            defaultValue={query.fitsGb ?? ""}
            className={input}
            placeholder="e.g. 24"
          />
        </label>
        <label className={label}>
          at context (tokens)
          <input
            name="fitsContext"
            defaultValue={query.fitsContext ?? ""}
            className={input}
            placeholder={`${FIT_DEFAULTS.context}`}
          />
        </label>
        <label className={label}>
          in format
          <select name="fitsFormat" defaultValue={query.fitsFormat ?? ""} className={input}>
            <option value="">{FIT_DEFAULTS.format}</option>
            {WEIGHT_FORMAT_NAMES.filter((f) => f !== FIT_DEFAULTS.format).map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <div className="flex items-end gap-2">
          <button
            type="submit"
            className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800"
          >
            Apply
          </button>
          <a href={action} className="px-1 py-1.5 text-sm">
            Reset
          </a>
        </div>
      </div>
      {action !== "/" ? null : (
        <details className="text-sm">
          <summary className="cursor-pointer text-zinc-700 dark:text-zinc-300">Columns</summary>
          <input type="hidden" name="cols" value="1" />
          <fieldset className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
            <legend className="sr-only">Visible columns</legend>
            {COLUMN_KEYS.map((key: ColumnKey) => (
              <label key={key} className="flex items-center gap-1">
                <input
                  type="checkbox"
                  name="show"
                  value={key}
                  defaultChecked={!query.hidden.includes(key)}
                />
                {COLUMN_LABELS[key]}
              </label>
            ))}
          </fieldset>
        </details>
      )}
    </Form>
  );
}
