import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { fieldLabel, formatDate, KIND_LABELS, TIER_LABELS } from "@/components/format";
import { TargetFlash } from "@/components/target-flash";
import { VisibleText } from "@/components/visible-text";
import { db } from "@/db";
import { splitIntoRuns } from "@/db/domain/highlight";
import { getSourceWithClaims } from "@/db/queries/sources";

type Params = Promise<{ slug: string }>;

// generateMetadata and the page share one load per request.
const load = cache((slug: string) => getSourceWithClaims(db, slug));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  const found = await load(slug);
  return { title: found ? found.source.title : "Source not found" };
}

export default async function SourcePage({ params }: { params: Params }) {
  const { slug } = await params;
  const found = await load(slug);
  if (!found) notFound();
  const { source, claims } = found;
  const byId = new Map(claims.map((c) => [c.id, c]));
  const runs = splitIntoRuns(
    source.text,
    claims.map((c) => ({ id: c.id, start: c.quoteStart, end: c.quoteEnd })),
  );

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
          <dd>{formatDate(source.publishedOn)}</dd>
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
          {source.commit ? (
            <>
              <dt className="text-zinc-600 dark:text-zinc-400">Commit</dt>
              <dd className="font-mono text-xs">{source.commit}</dd>
            </>
          ) : null}
          <dt className="text-zinc-600 dark:text-zinc-400">SHA-256</dt>
          <dd className="font-mono text-xs break-all">{source.textSha256}</dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Cited by</dt>
          <dd>{claims.length} claims</dd>
        </dl>
        {source.note ? (
          <p className="max-w-3xl text-xs text-zinc-600 dark:text-zinc-400">{source.note}</p>
        ) : null}
      </header>
      <section aria-labelledby="h-text">
        <h2 id="h-text" className="sr-only">
          Stored text
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
    </div>
  );
}
