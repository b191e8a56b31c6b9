import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { fieldLabel, formatDate, KIND_LABELS, TIER_LABELS } from "@/components/format";
import { TargetFlash } from "@/components/target-flash";
import { VersionDiff } from "@/components/version-diff";
import { VisibleText } from "@/components/visible-text";
import { db } from "@/db";
import { splitIntoRuns } from "@/db/domain/highlight";
import { passageHref } from "@/db/domain/passage-link";
import { parseId } from "@/db/domain/rules";
import { getSourcePage } from "@/db/queries/sources";

type Params = Promise<{ slug: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

/** A version number from the address; anything else is no version at all (a 404, not a 500). */
function numberParam(raw: string | string[] | undefined): number | null | undefined {
  if (raw === undefined) return undefined;
  return typeof raw === "string" ? parseId(raw) : null;
}

// generateMetadata and the page share one load per request.
const load = cache((slug: string, version?: number, from?: number, to?: number) =>
  getSourcePage(db, slug, { version, from, to }),
);

async function view(params: Params, searchParams: Search) {
  const { slug } = await params;
  const q = await searchParams;
  const [version, from, to] = [numberParam(q.version), numberParam(q.from), numberParam(q.to)];
  if (version === null || from === null || to === null) return null;
  return load(slug, version, from, to);
}

export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Search;
}): Promise<Metadata> {
  const found = await view(params, searchParams);
  if (!found) return { title: "Source not found" };
  if (found.diff)
    return { title: `${found.source.title}: versions ${found.diff.from} → ${found.diff.to}` };
  const newest = found.versions.length;
  const shown = found.shown?.number ?? newest;
  return {
    title: shown === newest ? found.source.title : `${found.source.title} (version ${shown})`,
  };
}

export default async function SourcePage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Search;
}) {
  const found = await view(params, searchParams);
  if (!found) notFound();
  const { source, versions } = found;
  const newest = versions[versions.length - 1];
  if (!newest) notFound();
  const shownNumber = found.shown?.number ?? newest.number;
  const shownVersion = versions.find((v) => v.number === shownNumber) ?? newest;
  const onShown = found.claims.filter((c) => c.version === shownNumber);
  const elsewhere = found.claims.filter((c) => c.version !== shownNumber);
  const byId = new Map(onShown.map((c) => [c.id, c]));
  const runs = found.shown
    ? splitIntoRuns(
        found.shown.text,
        onShown.map((c) => ({ id: c.id, start: c.quoteStart, end: c.quoteEnd })),
      )
    : [];
  const base = `/sources/${source.slug}`;

  return (
    <div className="space-y-5">
      <TargetFlash />
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-600 dark:text-zinc-400">
        <Link href="/sources">Sources</Link> / {source.title}
      </nav>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{source.title}</h1>
        <dl className="grid max-w-3xl grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-zinc-600 dark:text-zinc-400">Publisher</dt>
          <dd>{source.publisher ?? "not stated in the source"}</dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Kind</dt>
          <dd>
            {KIND_LABELS[source.kind]} · {TIER_LABELS[source.tier]}
          </dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Dated</dt>
          <dd>
            {formatDate(shownVersion.publishedOn)}
            {versions.length > 1 ? (
              <>
                {" "}
                (version {shownVersion.number} of {versions.length}
                {shownVersion.number === newest.number ? ", the newest" : ""})
              </>
            ) : null}
          </dd>
          {source.mirrorOf ? (
            <>
              <dt className="text-zinc-600 dark:text-zinc-400">A copy of</dt>
              <dd className="break-all">
                <a href={source.mirrorOf} rel="noopener noreferrer">
                  {source.mirrorOf}
                </a>{" "}
                (the publisher's file; this text was read from a third party's copy, below)
              </dd>
            </>
          ) : null}
          <dt className="text-zinc-600 dark:text-zinc-400">
            {source.mirrorOf ? "Read from" : "Original"}
          </dt>
          <dd className="break-all">
            {source.url ? (
              <a href={source.url} rel="noopener noreferrer">
                {source.url}
              </a>
            ) : (
              "URL not stated in the source"
            )}
          </dd>
          {shownVersion.commit ? (
            <>
              <dt className="text-zinc-600 dark:text-zinc-400">Commit</dt>
              <dd className="font-mono text-xs break-all">
                {shownVersion.url && shownVersion.url !== source.url ? (
                  <a href={shownVersion.url} rel="noopener noreferrer">
                    {shownVersion.commit}
                  </a>
                ) : (
                  shownVersion.commit
                )}
              </dd>
            </>
          ) : null}
          <dt className="text-zinc-600 dark:text-zinc-400">SHA-256</dt>
          <dd className="font-mono text-xs break-all">{shownVersion.textSha256}</dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Cited by</dt>
          <dd>
            {found.claims.length} claims
            {elsewhere.length > 0 && found.shown ? (
              <>
                {" "}
                ({onShown.length} on this version;{" "}
                <a href="#h-elsewhere">{elsewhere.length} on other versions</a>)
              </>
            ) : null}
          </dd>
        </dl>
        <p className="text-sm">
          <Link href={`/maintain/sources/${source.slug}/versions/new`}>Add a version</Link>{" "}
          (maintainers)
        </p>
        {source.note ? (
          <p className="max-w-3xl text-xs text-zinc-600 dark:text-zinc-400">{source.note}</p>
        ) : null}
      </header>
      {versions.length > 1 ? (
        <VersionList
          slug={source.slug}
          versions={versions}
          shown={found.diff ? null : shownNumber}
          diff={found.diff ? { from: found.diff.from, to: found.diff.to } : null}
          sourceUrl={source.url}
        />
      ) : null}
      {found.diff ? (
        <section aria-labelledby="h-diff" className="space-y-2">
          <h2 id="h-diff" className="text-lg font-semibold">
            What changed from version {found.diff.from} to version {found.diff.to}
          </h2>
          <VersionDiff diff={found.diff.view} />
        </section>
      ) : (
        <>
          {shownNumber !== newest.number ? (
            <p
              role="status"
              className="max-w-4xl rounded border border-amber-500 px-3 py-2 text-sm"
            >
              This is version {shownNumber}, not the newest ({newest.number}).{" "}
              <Link href={`${base}?from=${shownNumber}&to=${newest.number}`}>
                See what changed since
              </Link>{" "}
              · <Link href={base}>Read the newest</Link>
            </p>
          ) : null}
          <section aria-labelledby="h-text">
            <h2 id="h-text" className="sr-only">
              Stored text of version {shownNumber}
            </h2>
            <div className="max-w-4xl rounded-lg border border-zinc-200 p-4 text-sm leading-relaxed whitespace-pre-wrap wrap-anywhere dark:border-zinc-800">
              {runs.map((run, i) => (
                <span key={i}>
                  {run.starts.map((id) => (
                    <span key={id} id={`claim-${id}`} />
                  ))}
                  {run.claimIds.length > 0 ? (
                    <mark className="cited" data-claims={run.claimIds.join(" ")}>
                      <VisibleText text={run.text} />
                    </mark>
                  ) : (
                    <VisibleText text={run.text} />
                  )}
                  {run.ends.length > 0 ? (
                    <span className="mx-1 inline-flex flex-wrap gap-1 align-baseline text-[0.7rem] leading-5">
                      {run.ends.map((id) => {
                        const c = byId.get(id);
                        return c ? (
                          <Link
                            key={id}
                            href={`/claims/${id}`}
                            className="rounded bg-zinc-100 px-1 no-underline dark:bg-zinc-800"
                          >
                            {c.model.name} · {fieldLabel(c.field, c.label)}:{" "}
                            {c.valueText.length > 40 ? `${c.valueText.slice(0, 40)}…` : c.valueText}
                          </Link>
                        ) : null;
                      })}
                    </span>
                  ) : null}
                </span>
              ))}
            </div>
          </section>
        </>
      )}
      {elsewhere.length > 0 && found.shown ? (
        <section aria-labelledby="h-elsewhere" className="max-w-4xl space-y-2">
          <h2 id="h-elsewhere" className="text-lg font-semibold">
            Claims checked against other versions
          </h2>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            Each claim is shown on the version it was checked against. A claim on an older version
            than the newest is one a later version changed: it stays published against its version
            until a maintainer reviews it.
          </p>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {elsewhere.map((c) => (
              // A link to this source's passage of a claim on another version lands here.
              <li key={c.id} id={`claim-${c.id}`}>
                <Link href={passageHref(source.slug, c.id, c.version, newest.number)}>
                  {c.model.name} · {fieldLabel(c.field, c.label)}: {c.valueText}
                </Link>{" "}
                — version {c.version}
                {c.version === newest.number ? " (the newest)" : ""}
                {c.waiting ? " · waiting for review" : ""}
                {c.version < newest.number ? (
                  <>
                    {" "}
                    ·{" "}
                    <Link href={`${base}?from=${c.version}&to=${newest.number}`}>what changed</Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

type VersionRow = {
  number: number;
  publishedOn: string | null;
  commit: string | null;
  url: string | null;
  characters: number;
};

/** Every version, newest first, each readable and comparable with the one before it. */
function VersionList({
  slug,
  versions,
  shown,
  diff,
  sourceUrl,
}: {
  slug: string;
  versions: VersionRow[];
  shown: number | null;
  diff: { from: number; to: number } | null;
  sourceUrl: string | null;
}) {
  const base = `/sources/${slug}`;
  const rows = [...versions].reverse();
  // By default: the version shown (or the one before the newest) against the newest.
  const pickers: [string, string, number][] = [
    [
      "from",
      "Compare version",
      diff?.from ??
        (shown !== null && shown < versions.length ? shown : Math.max(1, versions.length - 1)),
    ],
    ["to", "with version", diff?.to ?? versions.length],
  ];
  return (
    <div className="max-w-4xl space-y-2 rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
      <form action={base} className="flex flex-wrap items-end gap-2">
        {pickers.map(([name, label, value]) => (
          <label key={name} className="flex flex-col text-xs">
            {label}
            <select
              name={name}
              defaultValue={value}
              className="rounded border border-zinc-300 bg-transparent px-1 py-0.5 dark:border-zinc-700"
            >
              {versions.map((v) => (
                <option key={v.number} value={v.number}>
                  {v.number}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button type="submit" className="rounded border border-zinc-400 px-2 py-0.5 text-xs">
          Show differences
        </button>
      </form>
      <details open={versions.length <= 8}>
        <summary className="cursor-pointer font-semibold">
          Versions ({versions.length}){" "}
          <span className="font-normal text-zinc-600 dark:text-zinc-400">
            — every stored version of this document, newest first
          </span>
        </summary>
        {/* No inner scroll region: the list folds away instead (closed when it is long). */}
        <div className="overflow-x-auto">
          <table className="w-full text-left text-xs">
            <thead>
              <tr className="text-zinc-600 dark:text-zinc-400">
                <th scope="col" className="py-1 pr-2">
                  Version
                </th>
                <th scope="col" className="py-1 pr-2">
                  Dated
                </th>
                <th scope="col" className="py-1 pr-2">
                  Commit
                </th>
                <th scope="col" className="py-1 pr-2">
                  Characters
                </th>
                <th scope="col" className="py-1">
                  Compare
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((v) => (
                <tr
                  key={v.number}
                  className="border-t border-zinc-100 dark:border-zinc-800"
                  aria-current={v.number === shown ? "page" : undefined}
                >
                  <td className="py-1 pr-2">
                    {v.number === shown ? (
                      <strong>{v.number} (shown)</strong>
                    ) : (
                      <Link
                        href={v.number === versions.length ? base : `${base}?version=${v.number}`}
                      >
                        {v.number}
                        {v.number === versions.length ? " (newest)" : ""}
                      </Link>
                    )}
                  </td>
                  <td className="py-1 pr-2">{formatDate(v.publishedOn)}</td>
                  <td className="py-1 pr-2 font-mono">
                    {v.commit ? (
                      v.url && v.url !== sourceUrl ? (
                        <a
                          href={v.url}
                          rel="noopener noreferrer"
                          title="The original at this commit"
                        >
                          {v.commit.slice(0, 10)}
                        </a>
                      ) : (
                        v.commit.slice(0, 10)
                      )
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="py-1 pr-2 tabular-nums">{v.characters.toLocaleString("en-US")}</td>
                  <td className="py-1">
                    {v.number > 1 ? (
                      <Link href={`${base}?from=${v.number - 1}&to=${v.number}`}>
                        changes from {v.number - 1}
                      </Link>
                    ) : (
                      "first version"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
